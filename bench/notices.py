"""Benchmark: rendering the seed regimes' notices (文书) as DOCX, against the way respons-docx
rendered them before its faces were read once (the baseline, kept here as it was).

Every notice the regimes in jurisdictions/ name is issued with a sample value for each
fact (as tests/notice_samples.py issues them); N of them, evenly spread over the
sorted list, are rendered in one process:

(a) respons-docx as it is: each installed face read once, each glyph converted to
    TrueType once (`respons_docx.glyphs`), a notice's fonts the union of its glyphs, the
    package zipped once — timed cold (the first notice, reading the faces) and warm (each
    notice once a pass, the whole-document cache `respons_docx.embed.subset_of` emptied
    between passes, so that only what does not depend on the notice is kept);
(b) the baseline: the same document, its fonts cut by fontTools' subsetter from the face
    read anew for every notice and converted with cu2qu, and the package saved by
    python-docx and written again — the code before (`baseline_subset`, `baseline_save`).

Both must give the same bytes for every notice (the run stops otherwise); it prints the
times and their ratio, and with --pdf the warm time of the pdf format too.

    python3 bench/notices.py                 # 12 notices, best of 2 passes
    python3 bench/notices.py --notices 40 --pdf
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import zipfile
from pathlib import Path

JURISDICTIONS = Path(__file__).resolve().parent.parent / "jurisdictions"


def corpus():
    """Every notice of the seed regimes, issued with sample values, by regime/name."""
    from respons.check.runner import check_paths
    from respons.registry import Registry, plugin_manager
    from respons.testing.formats import issue_example

    report = check_paths([JURISDICTIONS], Registry(plugin_manager()))
    if not report.valid:
        sys.exit("the seed regimes do not check: run respons check jurisdictions")
    issued = {}
    for resolved in report.resolved:
        for notice in resolved.regime.notices:
            key = f"{resolved.regime.id}/{notice.name}"
            issued.setdefault(key, issue_example(resolved.regime, notice, report.titles))
    return issued


# ── the baseline: respons-docx's font subsetting and saving before this benchmark ──────
def baseline_subset(found, characters: frozenset[str]) -> bytes:
    """A face cut to ``characters`` by fontTools' subsetter, read anew from its file."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from respons_docx.embed import truetype

    font = TTFont(found.path, fontNumber=found.index, recalcTimestamp=False,
                  recalcBBoxes=False)
    options = subset.Options()
    options.notdef_outline = True
    options.drop_tables = [*options.drop_tables, "FFTM", "GSUB", "GPOS", "GDEF", "BASE", "JSTF"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(characters)))
    subsetter.subset(font)
    if "CFF " in font:
        truetype(font)
    out = io.BytesIO()
    font.save(out)
    font.close()
    return out.getvalue()


def baseline_save(document) -> bytes:
    """The package saved by python-docx, then read back and written again in order."""
    from respons_docx.package import EPOCH, FIRST

    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w") as target:
        for name in sorted(source.namelist(), key=lambda name: (name != FIRST, name)):
            entry = zipfile.ZipInfo(name, date_time=EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(name))
    return out.getvalue()


def render_baseline(issued) -> bytes:
    import respons_docx
    from respons_docx import document

    kept = document.subset_of, respons_docx.save
    document.subset_of, respons_docx.save = baseline_subset, baseline_save
    try:
        return respons_docx.render(issued)
    finally:
        document.subset_of, respons_docx.save = kept


def timed(render, notices) -> tuple[list[float], list[bytes]]:
    """Each notice's wall-clock time, and the outputs; the pass's CPU time in `CPU`."""
    times, outputs = [], []
    cpu = time.process_time()
    for issued in notices:
        started = time.perf_counter()
        outputs.append(render(issued))
        times.append(time.perf_counter() - started)
    CPU[id(times)] = time.process_time() - cpu
    return times, outputs


#: The CPU time of each pass `timed` made (on a shared machine, steadier than the wall's).
CPU: dict[int, float] = {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notices", type=int, default=12, help="how many seed notices")
    parser.add_argument("--repeat", type=int, default=2, help="passes; the best counts")
    parser.add_argument("--pdf", action="store_true", help="time the pdf format too")
    args = parser.parse_args()

    import respons_docx
    from respons_docx import embed

    issued = corpus()
    keys = sorted(issued)
    step = max(1, len(keys) // max(1, args.notices))
    chosen = [issued[key] for key in keys[::step][:args.notices]]
    print(f"{len(chosen)} of the {len(keys)} seed notices")

    started = time.perf_counter()
    respons_docx.render(chosen[0])
    cold = time.perf_counter() - started
    ours, baseline = [], []
    for _ in range(args.repeat):
        embed.subset_of.cache_clear()  # only what does not depend on the notice is kept
        ours.append(timed(respons_docx.render, chosen))
        baseline.append(timed(render_baseline, chosen))
    differing = [key for key, a, b in zip(keys[::step], ours[0][1], baseline[0][1],
                                          strict=False) if a != b]
    if differing:
        sys.exit(f"{len(differing)} notices differ from the baseline, e.g. {differing[0]}")
    best_ours = min((times for times, _ in ours), key=sum)
    best_baseline = min((times for times, _ in baseline), key=sum)
    print("the same bytes from both, for every notice")
    print(f"respons-docx, first notice (faces read): {cold:.2f} s")
    print(f"respons-docx, warm: {statistics.mean(best_ours):.3f} s a notice "
          f"(median {statistics.median(best_ours):.3f}, max {max(best_ours):.3f})")
    print(f"baseline (subset from the face anew): {statistics.mean(best_baseline):.3f} s a "
          f"notice (median {statistics.median(best_baseline):.3f}, max {max(best_baseline):.3f})")
    print(f"ratio: {sum(best_ours) / sum(best_baseline):.3f} "
          f"({sum(best_baseline) / sum(best_ours):.0f}× faster)")
    ours_cpu, baseline_cpu = CPU[id(best_ours)], CPU[id(best_baseline)]
    print(f"CPU time a notice: {ours_cpu / len(chosen):.3f} s against "
          f"{baseline_cpu / len(chosen):.3f} s (ratio {ours_cpu / baseline_cpu:.3f})")
    if args.pdf:
        import respons_pdf

        respons_pdf.render(chosen[0])
        times = min((timed(respons_pdf.render, chosen)[0] for _ in range(args.repeat)), key=sum)
        print(f"pdf (WeasyPrint), warm: {statistics.mean(times):.3f} s a notice "
              f"(max {max(times):.3f}; CPU {CPU[id(times)] / len(chosen):.3f} s)")


if __name__ == "__main__":
    main()
