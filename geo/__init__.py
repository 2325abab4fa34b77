"""Turn conflict news text into dated, geocoded events.

This package never imports streamlit; the dashboard (``app.py``, ``pages/``,
``webapp/``) calls into it.
"""
