"""Page scripts of the app (run by st.navigation from the entry script; not imported)."""
