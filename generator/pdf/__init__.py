"""Print: pages of the built site to PDF with headless Chromium."""
