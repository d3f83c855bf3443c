"""The engine's SQL: one tree (`ir`) rendered for each database engine (`dialect`)."""
