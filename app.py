"""Conflict-event map: the Streamlit entry point (``streamlit run app.py``).

``streamlit run`` finds ``app`` (an ``st.App``) and serves this same file as the
script of every session; the App's lifespan prepares the Map page's data at
server start (webapp/warm_start.py).
"""
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from webapp.navigation import run_app
from webapp.warm_start import lifespan

if get_script_run_ctx() is None:
    app = st.App(__file__, lifespan=lifespan)
else:
    run_app()
