"""The two severities of a diagnostic: an error makes an input unusable, a warning does not."""

ERROR = "error"
WARNING = "warning"
SEVERITIES = (ERROR, WARNING)
