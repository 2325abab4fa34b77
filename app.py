"""Conflict-event map: the Streamlit entry point (``streamlit run app.py``)."""
from webapp.navigation import run_app

run_app()
