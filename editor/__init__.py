"""The site's editor in the browser: Decap CMS over the content, checked as built."""
