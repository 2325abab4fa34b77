"""Sources: add an article (paste or upload), preview its events, save it;
list, search, re-extract and delete stored articles."""
from __future__ import annotations

from datetime import date

import streamlit as st
from streamlit_folium import st_folium

from geo.errors import GeoError
from webapp import sources_view as view
from webapp.data import served_assets, tiles
from webapp.small_map import events_map
from webapp.navigation import run_app_if_opened_directly
from webapp.store_access import changed, get_extract, get_store

run_app_if_opened_directly()
st.markdown("### Sources")
store = get_store()
state = st.session_state
state.setdefault("src_round", 0)  # bumped after a save, to give the inputs fresh keys
if "src_notice" in state:
    st.success(state.pop("src_notice"))

st.markdown("#### Add an article")
paste_tab, upload_tab = st.tabs(["Paste text", "Upload a file"])
round_ = state["src_round"]
with paste_tab:
    pasted = st.text_area("Article text", height=220, key=f"src_paste_{round_}",
                          help="Plain text or HTML (reduced to text). At most 5 MB.")
with upload_tab:
    upload = st.file_uploader("Article file (.txt, .html or .md, at most 5 MB)", type=view.UPLOAD_TYPES,
                              key=f"src_upload_{round_}")

document = None
if upload is not None or pasted.strip():
    try:
        document = view.read_source(pasted, upload.name if upload else None, upload.getvalue() if upload else None)
    except GeoError as exc:
        st.error(view.escape_markdown(exc))

defaults = view.form_defaults(document)
doc_key = f"{round_}_{hash(document.text) if document else 'none'}"  # new document: fresh defaults
with st.form("src_metadata"):
    st.caption("Every field is required; values found in the document are filled in.")
    title = st.text_input("Title", value=defaults["title"], key=f"src_title_{doc_key}")
    outlet = st.text_input("Outlet", value=defaults["outlet"], key=f"src_outlet_{doc_key}")
    url = st.text_input("URL", value=defaults["url"], key=f"src_url_{doc_key}", placeholder="https://…")
    published = st.date_input("Publication date", value=defaults["published"], min_value=date(1900, 1, 1),
                              max_value=date(2100, 12, 31), format="YYYY-MM-DD", key=f"src_published_{doc_key}")
    asked = st.form_submit_button("Preview events")

if asked:
    state.pop("src_preview", None)
    if document is None:
        st.error("Paste an article's text or upload a .txt, .html or .md file first.")
    else:
        try:
            with st.spinner("Finding events…"):
                state["src_preview"] = view.make_preview(store, document, get_extract(), title, outlet, url,
                                                         published)
        except GeoError as exc:
            st.error(view.escape_markdown(exc))

preview = state.get("src_preview")
if preview is not None and (document is None or preview.article.text != document.text):
    state.pop("src_preview", None)  # the text changed since the preview
    preview = None
if preview is not None:
    if preview.duplicate is not None:
        st.error("Not saved: " + view.escape_markdown(preview.duplicate["message"]))
    else:
        st.subheader(f"Preview: {view.count_events(len(preview.events))}, {preview.located} on the map")
        events = [event.to_dict() for event in preview.events]
        if preview.located:
            st_folium(events_map(events, served_assets(), tiles()[0]), height=320, use_container_width=True,
                      returned_objects=[], key="src_preview_map")
        st.dataframe(view.events_frame(events), hide_index=True)
        if st.button("Save article", type="primary"):
            try:
                article_id = store.add_article(preview.article, get_extract())
            except GeoError as exc:
                st.error(view.escape_markdown(exc))
            else:
                changed()
                saved = store.list_events(include_rejected=True, article_id=article_id)
                located = sum(1 for e in saved if e["latitude"] is not None)
                state["src_notice"] = view.escape_markdown(view.saved_message(preview.article.title, len(saved),
                                                                               located))
                state.pop("src_preview", None)
                state["src_round"] += 1
                st.rerun()

st.markdown("#### Stored articles")
search = st.text_input("Search titles, outlets, URLs and texts", key="src_search")
articles = store.list_articles(search)
st.dataframe(view.articles_frame(articles), hide_index=True)
if not articles:
    st.info("No article matches." if search else "No article stored yet.")
    st.stop()

labels = {a["id"]: view.article_label(a) for a in articles}
chosen_id = st.selectbox("Article", list(labels), format_func=labels.get, key="src_chosen")
chosen = next(a for a in articles if a["id"] == chosen_id)
with st.expander("Text of the article"):
    st.text(store.get_article(chosen_id)["text"])
reextract_col, delete_col = st.columns(2)
if reextract_col.button("Re-extract events", help="Run the extractor again; corrections are kept"):
    with st.spinner("Finding events…"):
        count = store.reextract(chosen_id, get_extract())
    changed()
    state["src_notice"] = f"Re-extracted: {count} events. Corrections were kept."
    st.rerun()
if delete_col.button("Delete article…"):
    state["src_confirm_delete"] = chosen_id
if state.get("src_confirm_delete") == chosen_id:
    st.warning(f"Delete this article with its {chosen['event_count']} events and "
               f"{chosen['correction_count']} corrections? This cannot be undone.")
    st.text(labels[chosen_id])
    yes_col, no_col = st.columns(2)
    if yes_col.button("Yes, delete it", type="primary"):
        store.delete_article(chosen_id)
        changed()
        state.pop("src_confirm_delete", None)
        state["src_notice"] = f"Deleted the article and its {chosen['event_count']} events."
        st.rerun()
    if no_col.button("Cancel"):
        state.pop("src_confirm_delete", None)
        st.rerun()
