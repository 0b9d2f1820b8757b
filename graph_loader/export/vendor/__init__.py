"""Third-party files shipped as package data (see README.md here); no Python code."""
