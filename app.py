"""Conflict-event map: the Streamlit entry point (``streamlit run app.py``)."""
import streamlit as st

from webapp.assets import FAVICON
from webapp.data import served_assets
from webapp.navigation import available_pages

# A local favicon: page icons given as emoji or Material names make the browser
# fetch an image from a third-party host.
st.set_page_config(page_title="Conflict event map", page_icon=str(FAVICON), layout="wide")
served_assets()
pages = [st.Page(p.path, title=p.title, icon=p.icon, url_path=p.url_path, default=p.default)
         for p in available_pages()]
st.navigation(pages).run()
