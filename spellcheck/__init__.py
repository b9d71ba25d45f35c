"""Check the spelling and typography of the site's Markdown pages."""
