"""What every job of the build shares: languages, front matter, settings, problems."""
