"""User-facing texts of the app, Dutch first, English second.

Plain language for PlusWIJkteams: every measure is explained in one sentence
without jargon. Look texts up with :func:`t` (the language is the one chosen
in the sidebar).
"""

from __future__ import annotations

import re

from wijknet.core.glossary import MEASURE_NAMES
from wijknet.core.i18n import text

TEXTS = {
    **MEASURE_NAMES,
    # --- app and sidebar -------------------------------------------------
    "language": {"nl": "Taal / language", "en": "Taal / language"},
    "wijk": {"nl": "Wijk", "en": "Wijk (neighbourhood)"},
    "wave": {"nl": "Meting", "en": "Meting (wave)"},
    "filters": {"nl": "Filters voor de relaties", "en": "Filters for the ties"},
    "tie_types": {"nl": "Soort relatie", "en": "Type of tie"},
    "tie_types_help": {
        "nl": "Laat alleen deze soorten relaties zien. Leeg: alle soorten.",
        "en": "Show only these types of ties. Empty: all types.",
    },
    "min_weight": {"nl": "Minimale sterkte van een relatie", "en": "Minimum strength of a tie"},
    "min_weight_help": {
        "nl": "Relaties die zwakker zijn (bijvoorbeeld minder vaak contact), worden weggelaten.",
        "en": "Weaker ties (for example less frequent contact) are left out.",
    },
    "project": {"nl": "Project: {title}", "en": "Project: {title}"},
    "view_as": {"nl": "Bekijken als", "en": "View as"},
    "view_as_help": {
        "nl": "Wat elk publiek te zien krijgt: onderzoekers alles (personen met een pseudoniem), een PlusWIJkteam "
        "alleen de eigen wijk, een leernetwerk alleen anonieme kaarten en groepscijfers.",
        "en": "What each audience sees: researchers everything (persons pseudonymised), a PlusWIJkteam its own "
        "wijk only, a learning network anonymous maps and group figures only.",
    },
    "unlock": {"nl": "Echte namen tonen", "en": "Show real names"},
    "unlock_help": {
        "nl": "Zonder dit staan personen met een vaste schuilnaam (pseudoniem) op de kaart. Het tonen van namen "
        "wordt vastgelegd in het auditlog.",
        "en": "Without this, persons appear under a fixed pseudonym. Showing names is recorded in the audit log.",
    },
    "anonymous_map": {
        "nl": "Dit is een anonieme kaart: voor een leernetwerk toont hij alleen de kleur van het domein. Er staan "
        "geen namen, codes, aanwijsteksten, teamranden of responsmarkeringen op, alle stippen en lijnen zijn "
        "even groot, kleine groepen zijn samengevoegd tot 'overig' en de herkomst van afzonderlijke relaties "
        "is niet te zien.",
        "en": "This is an anonymous map: for a learning network it shows the domain colour only. It has no names, "
        "codes, hover texts, team borders or response marks, all dots and lines are the same size, small "
        "groups are merged into 'other' and the evidence of single ties is not shown.",
    },
    "viewing_as": {"nl": "U kijkt als: {audience}", "en": "You are viewing as: {audience}"},
    "synthetic": {
        "nl": "Fictieve demodata: alle namen, organisaties en relaties zijn verzonnen.",
        "en": "Fictional demo data: all names, organisations and ties are invented.",
    },
    "load_error": {
        "nl": "Het project kon niet worden geladen. Pas de bestanden aan en laad de pagina opnieuw.",
        "en": "The project could not be loaded. Correct the files and reload the page.",
    },
    "no_data": {
        "nl": "Dit project bevat nog geen wijken.",
        "en": "This project has no wijken yet.",
    },
    "active_filters": {
        "nl": "Wijk {wijk}, meting {wave}. Relaties: {types}; minimale sterkte: {weight}.",
        "en": "Wijk {wijk}, wave {wave}. Ties: {types}; minimum strength: {weight}.",
    },
    "active_filters_waves": {
        "nl": "Wijk {wijk}, alle metingen. Relaties: {types}; minimale sterkte: {weight}.",
        "en": "Wijk {wijk}, all waves. Ties: {types}; minimum strength: {weight}.",
    },
    "no_minimum": {"nl": "geen", "en": "none"},
    "all_types": {"nl": "alle soorten", "en": "all types"},
    "project_warnings": {"nl": "Opmerkingen bij de gegevens", "en": "Notes on the data"},
    # --- page titles -----------------------------------------------------
    "page_map": {"nl": "Netwerkkaart", "en": "Network map"},
    "page_metrics": {"nl": "Kengetallen", "en": "Key figures"},
    "page_connectors": {"nl": "Verbinders", "en": "Connectors"},
    "page_mixing": {"nl": "Domeinmenging", "en": "Domain mixing"},
    "page_change": {"nl": "Verandering", "en": "Change"},
    "page_kpi": {"nl": "KPI-monitor", "en": "KPI monitor"},
    "page_report": {"nl": "Rapport", "en": "Report"},
    "page_live": {"nl": "Live netwerkkaart", "en": "Live network map"},
    # --- import page (views/gegevens.py; wijknet.store) -------------------
    "page_import": {"nl": "Gegevens importeren", "en": "Import data"},
    "import_no_store": {
        "nl": "Gegevens importeren kan alleen in een projectmap. Deze app toont nu losse tabellen (of de demo). "
        "Maak een projectmap met wijknet init, importeer uw bestanden en open de app op die map:",
        "en": "Data can only be imported into a project folder. This app now shows plain tables (or the demo). "
        "Create a project folder with wijknet init, import your files and open the app on that folder:",
    },
    "import_only_researchers": {
        "nl": "Alleen onderzoekers kunnen gegevens importeren en namen koppelen.",
        "en": "Only researchers can import data and link names.",
    },
    "import_upload_title": {"nl": "Bestanden toevoegen", "en": "Add files"},
    "import_intro": {
        "nl": "Kies een of meer bestanden: actoren, relaties of antwoorden (.csv of .xlsx), een enquête-export "
        "(Qualtrics, LimeSurvey, Google Forms, Microsoft Forms, Network Canvas), gecodeerde gesprekken (codeerblad, "
        "MAXQDA, ATLAS.ti) of een netwerkbestand (GraphML, GEXF). Eerst controleert wijknet alles zonder "
        "iets op te slaan; daarna importeert u alles in één keer. Bij een probleem wordt niets opgeslagen. "
        "Een bestand dat al is geïmporteerd (ook een nieuwere download van dezelfde enquête) voegt alleen "
        "toe wat nieuw is.",
        "en": "Choose one or more files: actors, ties or responses (.csv or .xlsx), a survey export (Qualtrics, "
        "LimeSurvey, Google Forms, Microsoft Forms, Network Canvas), coded interviews (coding sheet, MAXQDA, "
        "ATLAS.ti) or a network file (GraphML, GEXF). wijknet first checks everything without saving "
        "anything; then you import it all at once. On any problem nothing is saved. A file imported before "
        "(also a newer download of the same survey) adds only what is new.",
    },
    "import_files": {"nl": "Bestanden", "en": "Files"},
    "import_files_help": {
        "nl": "Hoogstens {mb} MB per bestand.",
        "en": "At most {mb} MB per file.",
    },
    "import_kind": {"nl": "Soort bestand", "en": "Kind of file"},
    "import_kind_auto": {"nl": "automatisch herkennen", "en": "recognise automatically"},
    "import_kind_help": {
        "nl": "Meestal herkent wijknet de soort zelf aan de kolommen. Kies alleen als dat niet lukt.",
        "en": "wijknet usually recognises the kind from the columns. Only choose when that fails.",
    },
    "import_kind_unknown": {"nl": "niet gelezen", "en": "not read"},
    "import_wave": {"nl": "Meting", "en": "Meting (wave)"},
    "import_wave_help": {
        "nl": "Nodig voor enquête-exports en netwerkbestanden, en voor tabellen zonder kolom 'wave'.",
        "en": "Needed for survey exports and network files, and for tables without a 'wave' column.",
    },
    "import_wijk": {"nl": "Wijk", "en": "Wijk (neighbourhood)"},
    "import_wijk_help": {
        "nl": "Alleen voor een enquête die in één wijk is uitgezet: elke respons moet dan uit die wijk komen.",
        "en": "Only for a survey sent in one wijk: every response must then come from that wijk.",
    },
    "import_more": {
        "nl": "Meer keuzes: werkblad, weggelaten vragen",
        "en": "More choices: sheet, questions left out",
    },
    "import_sheet": {"nl": "Werkblad", "en": "Sheet"},
    "import_sheet_auto": {
        "nl": "het eerste werkblad met gegevens",
        "en": "the first sheet with data",
    },
    "import_sheet_help": {
        "nl": "Alleen voor Excel-bestanden met meer werkbladen; de andere werkbladen worden gemeld, niet gelezen.",
        "en": "Only for Excel files with several sheets; the other sheets are reported, not read.",
    },
    "import_allow_missing": {
        "nl": "Vragen die bewust niet in de enquête stonden",
        "en": "Questions deliberately left out of the survey",
    },
    "import_allow_missing_none": {
        "nl": "geen: elke kernvraag hoort erin",
        "en": "none: every core question belongs in it",
    },
    "import_allow_missing_help": {
        "nl": "Zonder deze keuze stopt de import als een kernvraag van de vragenlijst ontbreekt (zoals "
        "'wijknet import --allow-missing').",
        "en": "Without this choice the import stops when a core question of the instrument is missing (as "
        "'wijknet import --allow-missing').",
    },
    "import_none": {"nl": "geen (kies of typ)", "en": "none (choose or type)"},
    "import_check": {"nl": "Controleren", "en": "Check"},
    "import_checking": {"nl": "Bestanden controleren …", "en": "Checking the files …"},
    "import_preview_title": {"nl": "Wat er geïmporteerd wordt", "en": "What will be imported"},
    "import_first_rows": {"nl": "De eerste rijen:", "en": "The first rows:"},
    "import_already": {
        "nl": "Dit bestand is al eerder geïmporteerd (zelfde inhoud); het wordt overgeslagen.",
        "en": "This file was imported before (same content); it is skipped.",
    },
    "import_nothing_new": {
        "nl": "Er is niets nieuws om te importeren.",
        "en": "There is nothing new to import.",
    },
    "import_ready": {
        "nl": "Alles is in orde. Met Importeren worden de bestanden in één keer opgeslagen.",
        "en": "Everything is fine. Import saves the files all at once.",
    },
    "import_blocked": {
        "nl": "{n} probleem/problemen gevonden (zie de tabellen hierboven). Pas de bestanden aan en kies ze opnieuw; "
        "er is niets opgeslagen.",
        "en": "{n} problem(s) found (see the tables above). Correct the files and choose them again; nothing was "
        "saved.",
    },
    "import_go": {"nl": "Importeren", "en": "Import"},
    "import_importing": {"nl": "Importeren …", "en": "Importing …"},
    "import_failed": {
        "nl": "Niet geïmporteerd; er is niets opgeslagen.",
        "en": "Not imported; nothing was saved.",
    },
    "import_done": {"nl": "Import {n} opgeslagen.", "en": "Import {n} saved."},
    "import_col_file": {"nl": "Bestand", "en": "File"},
    "import_col_row": {"nl": "Rij", "en": "Row"},
    "import_col_column": {"nl": "Kolom", "en": "Column"},
    "import_col_problem": {"nl": "Wat is er mis", "en": "What is wrong"},
    "import_count_nothing": {"nl": "niets", "en": "nothing"},
    "import_count_actors_added": {"nl": "{n} nieuwe actoren", "en": "{n} new actors"},
    "import_count_actors_updated": {"nl": "{n} actoren bijgewerkt", "en": "{n} actors updated"},
    "import_count_actors_same": {"nl": "{n} actoren ongewijzigd", "en": "{n} actors unchanged"},
    "import_count_observations": {
        "nl": "{n} waarnemingen van relaties",
        "en": "{n} tie observations",
    },
    "import_count_responses_added": {"nl": "{n} nieuwe antwoorden", "en": "{n} new responses"},
    "import_count_responses_updated": {
        "nl": "{n} antwoorden bijgewerkt",
        "en": "{n} responses updated",
    },
    "import_count_responses_same": {
        "nl": "{n} antwoorden ongewijzigd",
        "en": "{n} responses unchanged",
    },
    "import_count_respondents": {
        "nl": "{n} respondenten zonder actor-id (zie Namen koppelen)",
        "en": "{n} respondents without an actor id (see Link names)",
    },
    "import_count_write_ins": {
        "nl": "{n} zelf ingevulde namen (zie Namen koppelen)",
        "en": "{n} written-in names (see Link names)",
    },
    "import_count_segments": {"nl": "{n} gecodeerde fragmenten", "en": "{n} coded segments"},
    "import_count_interviews": {"nl": "{n} gesprekken", "en": "{n} interviews"},
    # Re-imports (wijknet.store.importing: units by the source's own id, versions)
    "import_count_answers_new": {"nl": "{n} nieuwe antwoorden", "en": "{n} new responses"},
    "import_count_answers_same": {"nl": "{n} al geïmporteerd", "en": "{n} imported before"},
    "import_count_answers_changed": {
        "nl": "{n} gewijzigd (nieuwe versie; de oude blijft in de geschiedenis)",
        "en": "{n} changed (new version; the old one stays in the history)",
    },
    "import_count_sessions_new": {"nl": "{n} nieuwe gesprekken", "en": "{n} new sessions"},
    "import_count_sessions_same": {
        "nl": "{n} gesprekken al geïmporteerd",
        "en": "{n} sessions imported before",
    },
    "import_count_sessions_changed": {
        "nl": "{n} gesprekken gewijzigd (nieuwe versie)",
        "en": "{n} sessions changed (new version)",
    },
    "import_count_fragments_new": {"nl": "{n} nieuwe fragmenten", "en": "{n} new segments"},
    "import_count_fragments_same": {
        "nl": "{n} fragmenten al geïmporteerd",
        "en": "{n} segments imported before",
    },
    "import_count_fragments_changed": {
        "nl": "{n} fragmenten gewijzigd (nieuwe versie)",
        "en": "{n} segments changed (new version)",
    },
    "import_count_rows_new": {"nl": "{n} nieuwe rijen", "en": "{n} new rows"},
    "import_count_rows_same": {"nl": "{n} rijen al geïmporteerd", "en": "{n} rows imported before"},
    "import_count_observations_same": {
        "nl": "{n} waarnemingen al geïmporteerd",
        "en": "{n} tie observations imported before",
    },
    "import_count_observations_changed": {
        "nl": "{n} waarnemingen gewijzigd (nieuwe versie)",
        "en": "{n} tie observations changed (new version)",
    },
    "import_count_observations_withdrawn": {
        "nl": "{n} waarnemingen ingetrokken (niet meer in de bron; bewaard in de geschiedenis)",
        "en": "{n} tie observations withdrawn (no longer in the source; kept in the history)",
    },
    "import_count_responses_changed": {
        "nl": "{n} responses gewijzigd (nieuwe versie)",
        "en": "{n} responses changed (new version)",
    },
    "import_count_write_ins_same": {
        "nl": "{n} zelf ingevulde partijen al bekend",
        "en": "{n} written-in parties known before",
    },
    "import_count_write_ins_changed": {
        "nl": "{n} zelf ingevulde partijen gewijzigd",
        "en": "{n} written-in parties changed",
    },
    "import_count_respondents_same": {
        "nl": "{n} respondenten zonder actor-id al bekend",
        "en": "{n} respondents without an actor id known before",
    },
    "import_count_respondents_changed": {
        "nl": "{n} respondenten zonder actor-id gewijzigd",
        "en": "{n} respondents without an actor id changed",
    },
    "import_notes": {
        "nl": "Opmerkingen ({n}): niets is weggelaten zonder dat het hier staat.",
        "en": "Notes ({n}): nothing is left out without being listed here.",
    },
    "import_col_note": {"nl": "Opmerking", "en": "Note"},
    "import_col_sheet": {"nl": "Blad", "en": "Sheet"},
    "resolve_title": {"nl": "Namen koppelen", "en": "Link names"},
    "resolve_nothing": {
        "nl": "Er wachten geen namen op een koppeling.",
        "en": "No names are waiting to be linked.",
    },
    "resolve_locked": {
        "nl": "{n} namen wachten op een koppeling. Daarvoor zijn de echte namen nodig: zet '{unlock}' in de zijbalk aan.",
        "en": "{n} names are waiting to be linked. That needs the real names: switch on '{unlock}' in the sidebar.",
    },
    "resolve_intro": {
        "nl": "{n} namen wachten: partijen die een respondent zelf invulde, en respondenten zonder actor-id. Kies de "
        "actor die bedoeld is en klik op Koppelen, of maak een nieuwe actor. Pas daarna tellen hun relaties "
        "mee. De score (0 tot 1) zegt hoe goed de naam lijkt.",
        "en": "{n} names are waiting: parties a respondent wrote in, and respondents without an actor id. Choose "
        "the actor meant and click Link, or create a new actor. Only then do their ties count. The score "
        "(0 to 1) says how similar the name is.",
    },
    "resolve_accept_all": {
        "nl": "Koppel de {n} zekere overeenkomsten",
        "en": "Link the {n} certain matches",
    },
    "resolve_accepted": {
        "nl": "{n} namen gekoppeld; {obs} waarnemingen van relaties toegevoegd.",
        "en": "{n} names linked; {obs} tie observations added.",
    },
    "resolve_write_in": {
        "nl": "**#{pid} '{mention}'**{org} · zelf ingevuld door {respondent} · {wijk}, meting {wave}",
        "en": "**#{pid} '{mention}'**{org} · written in by {respondent} · {wijk}, wave {wave}",
    },
    "resolve_respondent": {
        "nl": "**#{pid} respondent zonder actor-id** (rij {row}): '{mention}' · {wijk}, meting {wave}",
        "en": "**#{pid} respondent without an actor id** (row {row}): '{mention}' · {wijk}, wave {wave}",
    },
    "resolve_actor": {"nl": "Bestaande actor", "en": "Existing actor"},
    "resolve_choose": {"nl": "Kies …", "en": "Choose …"},
    "resolve_candidate": {"nl": "{label} (score {score})", "en": "{label} (score {score})"},
    "resolve_confirm": {"nl": "Koppelen", "en": "Link"},
    "resolve_domain": {"nl": "Of: nieuwe actor in domein", "en": "Or: new actor in domain"},
    "resolve_new": {"nl": "Nieuwe actor maken", "en": "Create new actor"},
    "resolve_confirmed": {
        "nl": "#{pid} gekoppeld aan {actor}; {obs} waarnemingen van relaties toegevoegd.",
        "en": "#{pid} linked to {actor}; {obs} tie observations added.",
    },
    "resolve_created": {
        "nl": "Nieuwe actor {actor} gemaakt van #{pid}; {obs} waarnemingen van relaties toegevoegd.",
        "en": "New actor {actor} created from #{pid}; {obs} tie observations added.",
    },
    "resolve_more": {
        "nl": "En nog {n}; die verschijnen als deze gekoppeld zijn.",
        "en": "And {n} more; they appear once these are linked.",
    },
    # --- audit log page (researchers of a project store; wijknet.webapp.auth) ----
    "page_audit": {"nl": "Auditlog", "en": "Audit log"},
    "audit_intro": {
        "nl": "Wie deed wat in dit project: imports, exports, rapporten, aanmeldingen (ook mislukte) en wijzigingen "
        "van gebruikers en rollen. Nieuwste eerst; tijden in UTC. Het log bevat gebruikersnamen, bestandsnamen "
        "en aantallen, geen namen van actoren.",
        "en": "Who did what in this project: imports, exports, reports, sign-ins (also failed ones) and changes of "
        "users and roles. Newest first; times in UTC. The log holds user names, file names and counts, no "
        "names of actors.",
    },
    "audit_action": {"nl": "Actie", "en": "Action"},
    "audit_all": {"nl": "alle acties", "en": "all actions"},
    "audit_limit": {"nl": "Aantal regels", "en": "Number of entries"},
    "audit_empty": {"nl": "Het auditlog is (nog) leeg.", "en": "The audit log is empty (so far)."},
    "audit_only_researchers": {
        "nl": "Het auditlog is alleen zichtbaar voor onderzoekers van een projectmap.",
        "en": "The audit log is only visible to researchers of a project folder.",
    },
    "audit_col_at": {"nl": "Tijd (UTC)", "en": "Time (UTC)"},
    "audit_col_user": {"nl": "Gebruiker", "en": "User"},
    "audit_col_action": {"nl": "Actie", "en": "Action"},
    "audit_col_detail": {"nl": "Details", "en": "Details"},
    # --- report page (wijknet.report) ------------------------------------
    "report_intro_programme": {
        "nl": "Download het programmarapport van meting {wave}: alle wijken naast elkaar, zonder namen en zonder "
        "kleine groepen, zoals een leernetwerk het mag zien.",
        "en": "Download the programme report of wave {wave}: all wijken side by side, without names and without "
        "small groups, as a learning network may see it.",
    },
    "anonymised_title": {"nl": "Geanonimiseerde kopie", "en": "Anonymised copy"},
    "anonymised_intro": {
        "nl": "Een kopie van het hele project om te delen: geen namen, functies of organisaties, vaste schuilnamen "
        "in plaats van nummers, geen antwoorden over vertrouwen en geen citaten; kleine groepen zijn "
        "samengevoegd tot 'overig'. Het maken van de kopie wordt vastgelegd.",
        "en": "A copy of the whole project to share: no names, roles or organisations, fixed pseudonyms instead of "
        "ids, no trust ratings and no quotes; small groups are merged into 'other'. Making the copy is recorded.",
    },
    "anonymised_make": {"nl": "Geanonimiseerde kopie maken", "en": "Make an anonymised copy"},
    "anonymised_download": {"nl": "Download de kopie (zip)", "en": "Download the copy (zip)"},
    "report_intro": {
        "nl": "Download een rapport van wijk {wijk}, meting {wave}, om te delen of te publiceren: de netwerkkaart, "
        "de kengetallen met uitleg, verbinders, domeinmenging, verandering, KPI 3, respons en een bijlage met "
        "methoden en de herkomst van de gegevens. Het rapport gebruikt alle relaties (zonder de filters van de "
        "zijbalk).",
        "en": "Download a report on wijk {wijk}, wave {wave}, to share or publish: the network map, the measures "
        "explained, connectors, domain mixing, change, KPI 3, response and an appendix with methods and where "
        "the data come from. The report uses all ties (without the sidebar filters).",
    },
    "report_html": {"nl": "Rapport downloaden (HTML)", "en": "Download report (HTML)"},
    "report_make_pdf": {"nl": "PDF maken", "en": "Make PDF"},
    "report_pdf": {"nl": "Rapport downloaden (PDF)", "en": "Download report (PDF)"},
    "report_no_pdf": {
        "nl": "PDF maken vraagt Chromium op de server (apt-get install chromium); de HTML-versie kunt u in de "
        "browser openen en als PDF afdrukken.",
        "en": "Making a PDF needs Chromium on the server (apt-get install chromium); open the HTML version in a "
        "browser and print it to PDF.",
    },
    "report_html_note": {
        "nl": "Het HTML-bestand is op zichzelf staand: het laadt niets van internet en drukt af op A4.",
        "en": "The HTML file is self-contained: it loads nothing from the internet and prints on A4.",
    },
    # --- map page --------------------------------------------------------
    "map_help": {"nl": "Hoe lees ik de kaart?", "en": "How do I read the map?"},
    "map_intro": {
        "nl": "Elke stip is een persoon of organisatie in de wijk, de kleur is het domein. Een lijn is een relatie "
        "(de pijl wijst van wie de relatie noemde naar wie genoemd werd). Beweeg over een stip voor meer "
        "informatie; scroll om in te zoomen. De plaatsen blijven gelijk tussen metingen, zodat u ziet wat "
        "verandert.",
        "en": "Each dot is a person or organisation in the wijk, its colour is the domain. A line is a tie (the "
        "arrow points from who named the tie to who was named). Hover over a dot for details; scroll to "
        "zoom. Positions stay the same across waves, so you can see what changes.",
    },
    "map_settings": {"nl": "Kaart", "en": "Map"},
    "size_by": {"nl": "Grootte van de stip", "en": "Size of the dot"},
    "show_names": {"nl": "Namen tonen", "en": "Show names"},
    "all_names": {"nl": "Alle namen tonen", "en": "Show all names"},
    "all_names_help": {
        "nl": "Standaard staan alleen de namen van de {n} grootste stippen op de kaart; wijs een stip aan voor de andere namen.",
        "en": "By default only the names of the {n} largest dots are drawn; point at a dot to see the other names.",
    },
    "measure_none": {"nl": "gelijk voor iedereen", "en": "equal for everyone"},
    "measure_degree": {"nl": "aantal relaties", "en": "number of ties"},
    "measure_betweenness": {"nl": "brugfunctie (betweenness)", "en": "bridging role (betweenness)"},
    "measure_brokerage": {"nl": "makelaarsrollen (totaal)", "en": "brokerage roles (total)"},
    "map_counts": {
        "nl": "{actors} actoren en {ties} relaties in deze meting; {isolates} actoren zonder relaties.",
        "en": "{actors} actors and {ties} ties in this wave; {isolates} actors without ties.",
    },
    "map_alt": {
        "nl": "Netwerkkaart van wijk {wijk}, meting {wave}",
        "en": "Network map of wijk {wijk}, wave {wave}",
    },
    "evidence_title": {"nl": "Waar komt een relatie vandaan?", "en": "Where does a tie come from?"},
    "evidence_intro": {
        "nl": "Kies een actor: de tabel toont al zijn of haar relaties in deze meting (beide richtingen, zonder de "
        "filters van de zijbalk) en waar elke relatie op berust: de bron, het bestand en de regel. Citaten "
        "uit gesprekken ziet alleen een onderzoeker met echte namen aan.",
        "en": "Choose an actor: the table shows all of their ties in this wave (both directions, without the "
        "sidebar filters) and what each tie rests on: the source, the file and the row. Interview quotes "
        "are shown only to a researcher with real names switched on.",
    },
    "evidence_actor": {"nl": "Actor", "en": "Actor"},
    "evidence_none": {
        "nl": "{name} heeft geen relaties in deze meting.",
        "en": "{name} has no ties in this wave.",
    },
    "evidence_outgoing": {"nl": "noemt", "en": "names"},
    "evidence_incoming": {"nl": "genoemd door", "en": "named by"},
    "ev_direction": {"nl": "Richting", "en": "Direction"},
    "ev_other": {"nl": "Andere actor", "en": "Other actor"},
    "ev_domain": {"nl": "Domein", "en": "Domain"},
    "ev_tie_type": {"nl": "Soort relatie", "en": "Type of tie"},
    "ev_weight": {"nl": "Sterkte", "en": "Strength"},
    "ev_kind": {"nl": "Soort bron", "en": "Kind of source"},
    "ev_label": {"nl": "Bron", "en": "Source"},
    "ev_file": {"nl": "Bestand", "en": "File"},
    "ev_row": {"nl": "Regel", "en": "Row"},
    "ev_column": {"nl": "Kolom", "en": "Column"},
    "ev_quote": {"nl": "Citaat", "en": "Quote"},
    # --- metrics page ------------------------------------------------------
    "metrics_intro": {
        "nl": "Kengetallen van het hele wijknetwerk, per meting. Onder de tabel staat bij elk getal in één zin "
        "wat het betekent.",
        "en": "Key figures of the whole wijk network, per wave. Below the table, each figure is explained in "
        "one sentence.",
    },
    "metric": {"nl": "Kengetal", "en": "Measure"},
    "meaning": {"nl": "Wat betekent dit?", "en": "What does it mean?"},
    "m_actors_expl": {
        "nl": "Het aantal personen en organisaties in het wijknetwerk.",
        "en": "The number of people and organisations in the wijk network.",
    },
    "m_ties_expl": {
        "nl": "Het aantal genoemde samenwerkingsrelaties.",
        "en": "The number of collaboration ties that were named.",
    },
    "m_density_expl": {
        "nl": "Welk deel van alle mogelijke relaties er echt is: 0,05 betekent dat 5 van de 100 mogelijke "
        "contacten bestaan.",
        "en": "Which share of all possible ties actually exists: 0.05 means 5 in 100 possible contacts exist.",
    },
    "m_cross_expl": {
        "nl": "Het deel van de relaties dat twee verschillende domeinen verbindt (bijvoorbeeld zorg en welzijn).",
        "en": "The share of ties that connect two different domains (for example care and welfare).",
    },
    "m_ei_expl": {
        "nl": "Van -1 (iedereen werkt alleen binnen het eigen domein) tot +1 (alleen met andere domeinen); "
        "de volgende regel geeft de waarde die bij toeval te verwachten is.",
        "en": "From -1 (everyone works only within their own domain) to +1 (only with other domains); the next "
        "row gives the value expected by chance.",
    },
    "m_ei_expected_expl": {
        "nl": "De E-I-index als relaties willekeurig over de domeinen verdeeld zouden zijn; ligt de echte waarde "
        "lager, dan blijven domeinen meer op zichzelf dan toeval doet verwachten.",
        "en": "The E-I index if ties were spread over the domains at random; a lower real value means domains "
        "keep more to themselves than chance would suggest.",
    },
    "m_ei_p_expl": {
        "nl": "Hoe klein de kans is dat het verschil met de toevalswaarde alleen door toeval komt; onder 0,05 "
        "noemen we het verschil duidelijk.",
        "en": "How likely the difference from the chance value is pure coincidence; below 0.05 we call the "
        "difference clear.",
    },
    "m_reciprocity_expl": {
        "nl": "Het deel van de relaties dat beide partijen noemen: hoe vaker, hoe meer men elkaar over en weer kent.",
        "en": "The share of ties named by both sides: the higher, the more people know each other both ways.",
    },
    "m_components_expl": {
        "nl": "In hoeveel groepjes het netwerk uiteenvalt die onderling geen enkele verbinding hebben "
        "(een actor zonder relaties telt als eigen deel).",
        "en": "Into how many groups the network falls apart that have no connection at all with each other "
        "(an actor without ties counts as a part of its own).",
    },
    "m_isolates_expl": {
        "nl": "Personen of organisaties die in deze meting met niemand verbonden zijn.",
        "en": "People or organisations not connected to anyone in this wave.",
    },
    "m_transitivity_expl": {
        "nl": "Hoe vaak twee partners van iemand ook zelf met elkaar samenwerken.",
        "en": "How often two partners of someone also work together themselves.",
    },
    "m_assortativity_expl": {
        "nl": "Boven 0: men werkt vaker met het eigen domein dan bij toeval; onder 0: juist vaker met andere "
        "domeinen.",
        "en": "Above 0: people work with their own domain more often than by chance; below 0: more often with "
        "other domains.",
    },
    "metrics_chart": {
        "nl": "Domeinoverstijgende relaties per meting",
        "en": "Domain-crossing ties per wave",
    },
    # --- non-response (metrics page) -----------------------------------------
    "nr_title": {
        "nl": "Met en zonder behandeling van non-respons",
        "en": "With and without treatment of non-response",
    },
    "nr_rate": {
        "nl": "Respons in {wijk}, meting {wave}: {k} van de {n} actoren vulden de vragenlijst in ({rate}).",
        "en": "Response in {wijk}, wave {wave}: {k} of the {n} actors filled in the survey ({rate}).",
    },
    "nr_low": {
        "nl": "Meer dan 20% van de actoren ontbreekt: lees de kengetallen met voorzichtigheid en vergelijk de kolommen.",
        "en": "More than 20% of the actors are missing: read the key figures with care and compare the columns.",
    },
    "nr_intro": {
        "nl": "Wie niet reageert, noemt zelf geen relaties. Zonder behandeling lijken deze actoren daardoor minder "
        "verbonden. De kolommen tonen dezelfde kengetallen na vier gangbare behandelingen; liggen ze dicht "
        "bij elkaar, dan hangt de uitkomst weinig af van de non-respons.",
        "en": "Actors who do not respond name no ties themselves, so without treatment they look less connected. "
        "The columns show the same key figures after four common treatments; when they are close, the "
        "result depends little on non-response.",
    },
    "nr_none": {"nl": "Zonder behandeling", "en": "Without treatment"},
    "nr_drop": {"nl": "Alleen respondenten", "en": "Respondents only"},
    "nr_reconstruct": {"nl": "Reconstructie", "en": "Reconstruction"},
    "nr_impute": {"nl": "Reconstructie + imputatie", "en": "Reconstruction + imputation"},
    "nr_impute_reciprocity": {
        "nl": "Reconstructie + imputatie met wederkerigheid",
        "en": "Reconstruction + imputation with reciprocity",
    },
    "nr_methods": {
        "nl": "Alleen respondenten: wie niet reageerde, wordt weggelaten. Reconstructie: een relatie die een "
        "respondent met een niet-respondent meldt, telt in beide richtingen. Imputatie: daarna krijgen paren "
        "van twee niet-respondenten willekeurig een relatie met de kans die de dichtheid van de gemelde "
        "relaties geeft (vaste seed). Imputatie met wederkerigheid: zo'n paar krijgt even vaak een relatie, "
        "maar die wordt even vaak beantwoord als bij de respondenten onderling. Let op: imputatie kiest "
        "partners zonder naar het domein te kijken en maakt de domeinen daardoor gemengder dan ze zijn; "
        "lees de E-I-index en het aandeel domeinoverstijgende relaties na imputatie met voorzichtigheid. "
        "Zie docs/methods.md (Huisman 2009).",
        "en": "Respondents only: non-respondents are left out. Reconstruction: a tie a respondent reports with a "
        "non-respondent counts in both directions. Imputation: then pairs of two non-respondents get a tie "
        "at random with the probability given by the density of the reported ties (fixed seed). Imputation "
        "with reciprocity: such a pair gets a tie as often, but it is returned as often as among the "
        "respondents. Note: imputation picks partners without regard to domain and so makes the domains "
        "look more mixed than they are; read the E-I index and the share of domain-crossing ties after "
        "imputation with care. See docs/methods.md (Huisman 2009).",
    },
    "share_pct": {"nl": "aandeel (%)", "en": "share (%)"},
    # --- connectors page -----------------------------------------------------
    "connectors_intro": {
        "nl": "Verbinders leggen contact tussen mensen en domeinen die elkaar anders niet zouden vinden. "
        "Hieronder de actoren met de meeste verbindende rollen in deze meting.",
        "en": "Connectors link people and domains that would not find each other otherwise. Below are the "
        "actors with the most connecting roles in this wave.",
    },
    "connectors_outside": {
        "nl": "Verbinders buiten het PlusWIJkteam: {names}",
        "en": "Connectors outside the PlusWIJkteam: {names}",
    },
    "connectors_outside_none": {
        "nl": "De belangrijkste verbinders zitten allemaal in het PlusWIJkteam.",
        "en": "The main connectors are all in the PlusWIJkteam.",
    },
    "top_n": {"nl": "Aantal actoren in de tabel", "en": "Number of actors in the table"},
    "only_outside": {
        "nl": "Alleen actoren buiten het PlusWIJkteam",
        "en": "Only actors outside the PlusWIJkteam",
    },
    "col_name": {"nl": "Naam", "en": "Name"},
    "roles_title": {"nl": "Verbindende rollen per actor", "en": "Brokerage roles per actor"},
    "col_role": {"nl": "Rol", "en": "Role"},
    "col_domain": {"nl": "Domein", "en": "Domain"},
    "col_connector": {"nl": "Verbinder", "en": "Connector"},
    "col_connector_help": {
        "nl": "Verbinder: bij de 10% actoren met de meeste verbindende rollen",
        "en": "Connector: among the 10% of actors with the most brokerage roles",
    },
    "connector_rule": {
        "nl": "Verbinder = de 10% actoren met de meeste verbindende rollen; wie evenveel rollen heeft als de laatste "
        "daarvan telt ook mee, wie geen rol heeft nooit. Dezelfde regel geldt in het rapport en bij Wijken "
        "vergelijken.",
        "en": "Connector = the 10% of actors with the most brokerage roles; actors with as many roles as the last of "
        "them count too, actors without any role never. The same rule applies in the report and on Compare "
        "wijken.",
    },
    "col_team": {"nl": "Team", "en": "Team"},
    "col_team_help": {"nl": "Lid van het PlusWIJkteam", "en": "Member of the PlusWIJkteam"},
    "col_degree": {"nl": "Relaties", "en": "Ties"},
    "col_degree_help": {
        "nl": "Aantal relaties, genoemd en ontvangen",
        "en": "Number of ties, sent and received",
    },
    "col_betweenness": {"nl": "Brug", "en": "Bridging"},
    "col_betweenness_help": {
        "nl": "Brugfunctie: hoe vaak deze actor op de kortste weg tussen twee anderen ligt (0 tot 1)",
        "en": "Betweenness: how often this actor lies on the shortest path between two others (0 to 1)",
    },
    "col_bridge": {"nl": "Kwetsbaar", "en": "Fragile"},
    "col_bridge_help": {
        "nl": "Kwetsbare brug: zonder deze actor valt een deel van het netwerk los",
        "en": "Fragile bridge: without this actor part of the network falls apart",
    },
    "col_coordinator": {"nl": "Coördinator", "en": "Coordinator"},
    "col_itinerant": {"nl": "Tussenpersoon", "en": "Itinerant broker"},
    "col_representative": {"nl": "Vertegenwoordiger", "en": "Representative"},
    "col_gatekeeper": {"nl": "Poortwachter", "en": "Gatekeeper"},
    "col_liaison": {"nl": "Verbindingsofficier", "en": "Liaison"},
    "col_brokerage_total": {"nl": "Rollen", "en": "Roles"},
    "col_brokerage_total_help": {
        "nl": "Hoe vaak deze actor twee anderen verbindt die zelf geen directe relatie hebben (alle verbindende rollen samen)",
        "en": "How often this actor links two others who have no direct tie (all brokerage roles together)",
    },
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    "concepts": {"nl": "Wat betekenen de kolommen?", "en": "What do the columns mean?"},
    "expl_betweenness": {
        "nl": "Brugfunctie: hoe vaak iemand op de kortste weg tussen twee anderen ligt (0 tot 1); hoog betekent "
        "dat veel contacten via deze persoon lopen.",
        "en": "Bridging: how often someone lies on the shortest path between two others (0 to 1); high means "
        "many contacts run through this person.",
    },
    "expl_bridge": {
        "nl": "Kwetsbare brug: valt deze actor weg, dan raakt een deel van het netwerk los van de rest.",
        "en": "Fragile bridge: if this actor drops out, part of the network loses its link to the rest.",
    },
    "expl_coordinator": {
        "nl": "Coördinator: verbindt twee mensen uit het eigen domein.",
        "en": "Coordinator: connects two people from their own domain.",
    },
    "expl_itinerant": {
        "nl": "Tussenpersoon: verbindt twee mensen uit hetzelfde andere domein.",
        "en": "Itinerant broker: connects two people from the same other domain.",
    },
    "expl_representative": {
        "nl": "Vertegenwoordiger: brengt iets uit het eigen domein naar een ander domein.",
        "en": "Representative: carries something from their own domain to another domain.",
    },
    "expl_gatekeeper": {
        "nl": "Poortwachter: laat iets uit een ander domein binnen in het eigen domein.",
        "en": "Gatekeeper: lets something from another domain into their own domain.",
    },
    "expl_liaison": {
        "nl": "Verbindingsofficier: verbindt twee andere domeinen, zonder zelf bij een van beide te horen.",
        "en": "Liaison: connects two other domains without belonging to either.",
    },
    "expl_brokerage_total": {
        "nl": "Makelaarsrollen totaal: hoe vaak iemand in één van deze vijf rollen twee anderen verbindt.",
        "en": "Brokerage total: how often someone connects two others in one of these five roles.",
    },
    "outside_marker": {
        "nl": "Gemarkeerd: verbinders die niet in het PlusWIJkteam zitten.",
        "en": "Highlighted: connectors who are not in the PlusWIJkteam.",
    },
    # --- change page -----------------------------------------------------------
    "change_intro": {
        "nl": "Wat is er tussen twee metingen veranderd in het wijknetwerk? Welke samenwerkingen zijn nieuw, welke "
        "zijn verdwenen, en wie is erbij gekomen of vertrokken?",
        "en": "What changed in the wijk network between two waves? Which collaborations are new, which are gone, "
        "and who joined or left?",
    },
    "change_one_wave": {
        "nl": "Dit project heeft maar één meting. Na een tweede meting ziet u hier wat er veranderd is.",
        "en": "This project has only one wave. After a second wave, this page shows what changed.",
    },
    "change_from": {"nl": "Van meting", "en": "From wave"},
    "change_to": {"nl": "Naar meting", "en": "To wave"},
    "change_caption": {
        "nl": "Wijk {wijk}, van {wave_from} naar {wave_to}. Relaties: {types}; minimale sterkte: {weight}.",
        "en": "Wijk {wijk}, from {wave_from} to {wave_to}. Ties: {types}; minimum strength: {weight}.",
    },
    "change_new": {"nl": "Nieuwe relaties", "en": "New ties"},
    "change_lost": {"nl": "Verdwenen relaties", "en": "Lost ties"},
    "change_kept": {"nl": "Gebleven relaties", "en": "Kept ties"},
    "change_new_cross": {"nl": "Nieuw tussen domeinen", "en": "New across domains"},
    "change_net_cross": {"nl": "netto {value} tussen domeinen", "en": "net {value} across domains"},
    "change_sum_ties": {
        "nl": "Van {wave_from} naar {wave_to} kwamen er **{new} relaties bij** en **verdwenen er {lost}**; "
        "**{kept} relaties bleven bestaan**.",
        "en": "From {wave_from} to {wave_to}, **{new} ties were added** and **{lost} were lost**; "
        "**{kept} ties stayed**.",
    },
    "change_sum_cross": {
        "nl": "**{new_cross} van de nieuwe relaties verbinden twee verschillende domeinen**, tegen {lost_cross} "
        "verdwenen relaties tussen domeinen.",
        "en": "**{new_cross} of the new ties connect two different domains**, against {lost_cross} lost ties "
        "between domains.",
    },
    "change_sum_actors": {
        "nl": "Nieuw in het netwerk: **{entered}**; vertrokken: **{left}**.",
        "en": "New in the network: **{entered}**; left: **{left}**.",
    },
    "actor_one": {"nl": "1 actor", "en": "1 actor"},
    "actor_many": {"nl": "{n} actoren", "en": "{n} actors"},
    "change_sum_actor_ties": {
        "nl": "Van de nieuwe relaties horen er {new_by} bij nieuwkomers; van de verdwenen relaties {lost_by} bij "
        "wie vertrok.",
        "en": "Of the new ties, {new_by} belong to newcomers; of the lost ties, {lost_by} to those who left.",
    },
    "change_sum_stable": {
        "nl": "Van alle relaties die in één van beide metingen voorkomen, bestaat {pct}% in allebei "
        "(Jaccard-index {jaccard}).",
        "en": "Of all ties found in either wave, {pct}% exist in both (Jaccard index {jaccard}).",
    },
    "change_map_title": {"nl": "Verschilkaart", "en": "Difference map"},
    "change_show": {"nl": "Toon", "en": "Show"},
    "change_show_all": {"nl": "alle veranderingen", "en": "all changes"},
    "change_show_new": {"nl": "alleen nieuwe relaties", "en": "new ties only"},
    "change_show_lost": {"nl": "alleen verdwenen relaties", "en": "lost ties only"},
    "change_cross_only": {
        "nl": "Alleen relaties tussen domeinen",
        "en": "Only ties between domains",
    },
    "change_map_alt": {
        "nl": "Verschilkaart van wijk {wijk}, van {wave_from} naar {wave_to}",
        "en": "Difference map of wijk {wijk}, from {wave_from} to {wave_to}",
    },
    "change_map_help": {
        "nl": "Hoe lees ik de verschilkaart?",
        "en": "How do I read the difference map?",
    },
    "change_map_intro": {
        "nl": "Iedereen staat op dezelfde plek als op de netwerkkaart. Groene lijnen zijn samenwerkingen die er in "
        "{wave_to} zijn en in {wave_from} nog niet; rode stippellijnen waren er in {wave_from} en zijn in "
        "{wave_to} verdwenen; lichtgrijze lijnen bestonden in beide metingen. Een groene ring betekent dat "
        "iemand nieuw is in het netwerk; een vervaagde stip met een rode stippelrand dat iemand niet meer "
        "meedoet. Hoe groter de stip, hoe meer relaties van die persoon veranderden. Relaties van nieuwkomers "
        "tellen als nieuw en die van vertrokken actoren als verdwenen.",
        "en": "Everyone is in the same place as on the network map. Green lines are collaborations that exist in "
        "{wave_to} but not yet in {wave_from}; red dashed lines existed in {wave_from} and are gone in "
        "{wave_to}; light grey lines existed in both waves. A green ring means someone is new in the network; "
        "a faded dot with a red dashed border means someone no longer takes part. The larger the dot, the "
        "more of that person's ties changed. Ties of newcomers count as new and those of leavers as lost.",
    },
    "trend_title": {"nl": "Kengetallen door de tijd", "en": "Key figures over time"},
    "trend_intro": {
        "nl": "Per meting de waarde met een onzekerheidsmarge (95%). Grotere netwerken hebben vanzelf een lagere "
        "dichtheid, dus vergelijk metingen via de marges: overlappen ze flink, dan is het verschil niet "
        "duidelijk.",
        "en": "Per wave the value with an uncertainty margin (95%). Bigger networks have a lower density by nature, "
        "so compare waves through the margins: if they overlap a lot, the difference is not clear.",
    },
    "trend_density": {"nl": "Dichtheid", "en": "Density"},
    "trend_cross_domain_share": {
        "nl": "Relaties tussen domeinen (%)",
        "en": "Ties between domains (%)",
    },
    "trend_ei_index": {"nl": "E-I-index", "en": "E-I index"},
    "trend_density_expl": {
        "nl": "deel van alle mogelijke relaties dat bestaat",
        "en": "share of all possible ties that exists",
    },
    "trend_cross_domain_share_expl": {
        "nl": "deel van de relaties dat twee domeinen verbindt",
        "en": "share of ties that connect two domains",
    },
    "trend_ei_index_expl": {
        "nl": "−1 alleen eigen domein, +1 alleen andere",
        "en": "−1 own domain only, +1 other domains only",
    },
    "trend_value": {"nl": "waarde", "en": "value"},
    "trend_low": {"nl": "ondergrens", "en": "lower bound"},
    "trend_high": {"nl": "bovengrens", "en": "upper bound"},
    "trend_actors": {"nl": "actoren", "en": "actors"},
    "trend_sizes": {
        "nl": "Aantal actoren per meting: {sizes}.",
        "en": "Number of actors per wave: {sizes}.",
    },
    "trend_method": {
        "nl": "Onzekerheidsmarge: node-bootstrap (Snijders & Borgatti 1999), {n} keer opnieuw getrokken.",
        "en": "Uncertainty margin: node bootstrap (Snijders & Borgatti 1999), {n} resamples.",
    },
    "computing": {"nl": "Bezig met berekenen…", "en": "Computing…"},
    "model_title": {
        "nl": "Welke relaties blijven en ontstaan?",
        "en": "Which ties last and which arise?",
    },
    "model_intro": {
        "nl": "Een statistisch model vergelijkt alle paren actoren die in beide metingen meedoen: wat maakt een "
        "relatie in {wave_to} waarschijnlijker?",
        "en": "A statistical model compares all pairs of actors who take part in both waves: what makes a tie in "
        "{wave_to} more likely?",
    },
    "model_spinner": {
        "nl": "Het model wordt berekend (dit kan een halve minuut duren)…",
        "en": "Computing the model (this can take half a minute)…",
    },
    "model_error": {
        "nl": "Het model kan hier niet worden berekend: {error}",
        "en": "The model cannot be computed here: {error}",
    },
    "model_table": {
        "nl": "Over de methode: tabel voor onderzoekers",
        "en": "About the method: table for researchers",
    },
    "model_method": {
        "nl": "Logistische MRQAP-regressie (Krackhardt 1988; Dekker, Krackhardt & Snijders 2007) van de relaties in "
        "{wave_to} op die in {wave_from} en op kenmerken van de actoren; p-waarden uit {n} QAP-permutaties "
        "(dubbel semi-partialling, scoretoets; Potter 2005), evenveel als `wijknet analyse`. Gelijkenis van de twee metingen: r = {r} "
        "(QAP, {p}), Jaccard {jaccard}. In Python: `wijknet.analysis.tiechange.tie_change_model` "
        "(zie notebooks/02_change_analysis.ipynb).",
        "en": "Logistic MRQAP regression (Krackhardt 1988; Dekker, Krackhardt & Snijders 2007) of the ties in "
        "{wave_to} on those in {wave_from} and on actor attributes; p-values from {n} QAP permutations "
        "(double semi-partialling, score test; Potter 2005), as many as `wijknet analyse`. Similarity of the two waves: r = {r} "
        "(QAP, {p}), Jaccard {jaccard}. In Python: `wijknet.analysis.tiechange.tie_change_model` "
        "(see notebooks/02_change_analysis.ipynb).",
    },
    "col_term": {"nl": "term", "en": "term"},
    "col_estimate": {"nl": "schatting", "en": "estimate"},
    "col_std_error": {"nl": "standaardfout", "en": "std. error"},
    "col_odds_ratio": {"nl": "odds ratio", "en": "odds ratio"},
    "col_p_value": {"nl": "p (QAP)", "en": "p (QAP)"},
    # --- KPI page ------------------------------------------------------------------
    "kpi_intro": {
        "nl": "KPI 3 is het aandeel actieve deelnemers dat ervaart dat zij integraler en meer domeinoverstijgend "
        "werken. Het wordt één keer per jaar gemeten en vergeleken met de bandbreedte van dat jaar: {bands}; "
        "het einddoel is {target}%.",
        "en": "KPI 3 is the share of active participants who experience that they work more integrally and across "
        "domains. It is measured once a year and compared with that year's band: {bands}; the end target is "
        "{target}%.",
    },
    "kpi_points": {"nl": "{value} procentpunt", "en": "{value} percentage points"},
    "kpi_all": {"nl": "Alle pilotwijken samen", "en": "All pilot wijken together"},
    "kpi_share_value": {
        "nl": "{share}% (marge {low}–{high}%)",
        "en": "{share}% (margin {low}–{high}%)",
    },
    "kpi_band": {"nl": "Bandbreedte {wave}: {low}–{high}%", "en": "Band {wave}: {low}–{high}%"},
    "kpi_no_band": {"nl": "Geen bandbreedte voor {wave}", "en": "No band for {wave}"},
    "mixing_suppressed": {
        "nl": "Lege vakjes: minder dan {n} relaties, niet getoond zodat niemand te herkennen is.",
        "en": "Empty cells: fewer than {n} ties, not shown so that no one can be recognised.",
    },
    "change_suppressed": {
        "nl": "Een streepje (–): minder dan {n} actoren of relaties, of daaruit af te leiden; niet getoond zodat "
        "niemand te herkennen is.",
        "en": "A dash (–): fewer than {n} actors or ties, or derivable from them; not shown so that no one can be "
        "recognised.",
    },
    "kpi_suppressed": {
        "nl": "Minder dan {n} antwoorden: het aandeel wordt niet getoond, zodat niemand te herkennen is.",
        "en": "Fewer than {n} answers: the share is not shown, so that no one can be recognised.",
    },
    "kpi_counts": {
        "nl": "{agree} van de {answered} actieve deelnemers die de vraag beantwoordden, zijn het (helemaal) eens.",
        "en": "{agree} of the {answered} active participants who answered agree (strongly).",
    },
    "kpi_no_answers": {"nl": "Geen antwoorden in deze meting.", "en": "No answers in this wave."},
    "kpi_status_on_track": {
        "nl": "Binnen of boven de bandbreedte: doorgaan zoals gepland.",
        "en": "Within or above the band: continue as planned.",
    },
    "kpi_status_analysis_requested": {
        "nl": "Voor het eerst onder de bandbreedte: de stuurgroep vraagt om een analyse en mogelijk om "
        "verbetermaatregelen.",
        "en": "Below the band for the first time: the steering group asks for an analysis and possibly for "
        "improvement measures.",
    },
    "kpi_status_improvement_plan": {
        "nl": "Twee keer op rij onder de bandbreedte: een analyse en een verbeterplan volgen, tenzij de "
        "zorgverzekeraar (na overleg met de stuurgroep) besluit de activiteiten van deze KPI te stoppen.",
        "en": "Below the band twice in a row: an analysis and an improvement plan follow, unless the insurer "
        "(zorgverzekeraar) decides, after consulting the steering group, to stop the activities tied to this KPI.",
    },
    "kpi_status_no_judgement": {
        "nl": "Geen oordeel: er zijn geen antwoorden of er is geen bandbreedte voor deze meting.",
        "en": "No judgement: there are no answers or there is no band for this wave.",
    },
    "kpi_chance": {
        "nl": "Let op: de onzekerheidsmarge raakt de bandbreedte nog; met {n} antwoorden kan het verschil toeval zijn.",
        "en": "Note: the uncertainty margin still touches the band; with {n} answers the difference may be chance.",
    },
    "kpi_chart_title": {
        "nl": "KPI 3 per jaar, naast het gemeten netwerk",
        "en": "KPI 3 per year, next to the measured network",
    },
    "kpi_chart_name": {"nl": "Ervaring: KPI 3", "en": "Experience: KPI 3"},
    "kpi_series": {"nl": "Reeks", "en": "Series"},
    "kpi_status": {"nl": "Oordeel", "en": "Judgement"},
    "kpi_share": {"nl": "Eens (%)", "en": "Agree (%)"},
    "kpi_band_label": {"nl": "bandbreedte", "en": "band"},
    "kpi_target_label": {"nl": "einddoel {target}%", "en": "end target {target}%"},
    "kpi_chart_note": {
        "nl": "Groen vlak: de bandbreedte van het jaar. Stip: het gemeten aandeel, de lijn erdoor de "
        "onzekerheidsmarge (95%, Wilson). De kleur van de stip is het oordeel.",
        "en": "Green area: the year's band. Dot: the measured share, the line through it the uncertainty margin "
        "(95%, Wilson). The dot's colour is the judgement.",
    },
    "kpi_structure_title": {"nl": "Gemeten netwerk", "en": "Measured network"},
    "kpi_structure_intro": {
        "nl": "Ervaring (KPI 3) naast wat de netwerkmeting laat zien: het deel van de relaties tussen "
        "verschillende domeinen in {wijk}.",
        "en": "Experience (KPI 3) next to what the network survey shows: the share of ties between different "
        "domains in {wijk}.",
    },
    "kpi_structure_note": {
        "nl": "Vertellen ervaring en netwerk hetzelfde verhaal? Stijgen beide, dan wordt er waarschijnlijk echt "
        "meer domeinoverstijgend samengewerkt. Met zes wijken is dit een beschrijving, geen bewijs.",
        "en": "Do experience and network tell the same story? If both rise, people probably really work more "
        "across domains. With six wijken this is a description, not proof.",
    },
    "kpi_col_wave": {"nl": "Meting", "en": "Wave"},
    "kpi_col_share": {"nl": "KPI 3 (eens)", "en": "KPI 3 (agree)"},
    "kpi_col_band": {"nl": "Bandbreedte", "en": "Band"},
    "kpi_col_status": {"nl": "Oordeel", "en": "Judgement"},
    "kpi_col_cross": {"nl": "Relaties tussen domeinen", "en": "Ties between domains"},
    "kpi_col_ei": {"nl": "E-I-index", "en": "E-I index"},
    "kpi_col_cross_change": {"nl": "verschil met vorige meting", "en": "change from previous wave"},
    "kpi_col_wijk": {"nl": "Wijk", "en": "Wijk"},
    "kpi_col_answered": {"nl": "Antwoorden", "en": "Answers"},
    "kpi_overview": {"nl": "Alle wijken in {wave}", "en": "All wijken in {wave}"},
    "kpi_no_responses": {
        "nl": "Er zijn nog geen enquêteantwoorden voor KPI 3 in dit project. De netwerkmeting hieronder is er wel.",
        "en": "This project has no survey answers for KPI 3 yet. The network measurement below is available.",
    },
    "kpi_how_to": {
        "nl": "Zo voegt u de antwoorden toe: zet een bestand **responses.csv** (of .xlsx) in de projectmap, met "
        "één regel per persoon die de jaarlijkse vragenlijst invulde. Kolommen: `wijk`, `wave` (de meting), "
        "`actor_id` (dezelfde code als in actors.csv), `active` (ja/nee: actieve deelnemer aan het "
        "wijknetwerk) en `kpi3`: het antwoord op de stelling *'Ik werk integraler en meer domeinoverstijgend "
        "dan een jaar geleden'* van 1 (helemaal oneens) tot 5 (helemaal eens); leeg of 'weet niet' telt niet "
        "mee. Een 4 of 5 telt als eens. Laad daarna de pagina opnieuw.",
        "en": "To add the answers, put a file **responses.csv** (or .xlsx) in the project folder, with one row per "
        "person who filled in the yearly questionnaire. Columns: `wijk`, `wave`, `actor_id` (the same code as "
        "in actors.csv), `active` (yes/no: active participant in the wijk network) and `kpi3`: the answer to "
        "the statement *'I work more integrally and across domains than a year ago'* from 1 (strongly "
        "disagree) to 5 (strongly agree); empty or 'don't know' does not count. A 4 or 5 counts as agreeing. "
        "Then reload the page.",
    },
    # --- mixing page ---------------------------------------------------------
    "mixing_intro": {
        "nl": "Wie werkt met wie samen? Elke rij is het domein dat de relatie noemt, elke kolom het domein dat "
        "genoemd wordt. Vakjes op de diagonaal zijn relaties binnen een domein; alle andere vakjes zijn "
        "domeinoverstijgend.",
        "en": "Who works with whom? Each row is the domain that names the tie, each column the domain that is "
        "named. Cells on the diagonal are ties within a domain; all other cells cross domains.",
    },
    "mixing_value": {"nl": "Toon", "en": "Show"},
    "mixing_share": {"nl": "aandeel per rij (%)", "en": "share per row (%)"},
    "mixing_count": {"nl": "aantal relaties", "en": "number of ties"},
    "from_domain": {"nl": "Van domein", "en": "From domain"},
    "to_domain": {"nl": "Naar domein", "en": "To domain"},
    "mixing_share_expl": {
        "nl": "Aandeel per rij: van alle relaties die een domein noemt, welk deel naar elk domein gaat.",
        "en": "Share per row: of all ties a domain names, which part goes to each domain.",
    },
    "mixing_empty": {"nl": "Geen relaties in deze selectie.", "en": "No ties in this selection."},
    "world_note": {
        "nl": "Leefwereld (inwoners, sport en cultuur) en systeemwereld (zorg, welzijn, gemeente en andere "
        "organisaties): relaties tussen beide werelden zijn de bruggen die PlusWIJken zoekt.",
        "en": "Lived world (residents, sport and culture) and system world (care, welfare, municipality and other "
        "organisations): ties between the two worlds are the bridges PlusWIJken looks for.",
    },
    # --- compare page (Wijken vergelijken) -------------------------------------
    "page_compare": {"nl": "Wijken vergelijken", "en": "Compare wijken"},
    "compare_caption": {
        "nl": "Alle wijken, meting {wave}. Relaties: {types}; minimale sterkte: {weight}.",
        "en": "All wijken, wave {wave}. Ties: {types}; minimum strength: {weight}.",
    },
    "compare_summary": {"nl": "In het kort", "en": "In brief"},
    "compare_summary_note": {
        "nl": "Automatisch geschreven uit de cijfers. ‘Duidelijk’: de onzekerheidsmarges overlappen niet.",
        "en": "Written automatically from the numbers. ‘Clear’: the uncertainty margins do not overlap.",
    },
    "compare_summary_empty": {
        "nl": "Nog te weinig relaties om wijken te vergelijken.",
        "en": "Too few ties yet to compare wijken.",
    },
    "compare_trend_title": {
        "nl": "Samenwerken over domeinen heen, per wijk",
        "en": "Working across domains, per wijk",
    },
    "compare_trend_cross_domain_share": {
        "nl": "Relaties tussen domeinen (%)",
        "en": "Ties between domains (%)",
    },
    "compare_trend_ei_minus_expected": {
        "nl": "E-I-index ten opzichte van toeval",
        "en": "E-I index compared with chance",
    },
    "compare_trend_ei_minus_expected_expl": {
        "nl": "0: de domeinen mengen zoals bij toeval; onder 0: minder, boven 0: meer. Houdt rekening met de "
        "samenstelling van de wijk.",
        "en": "0: the domains mix as by chance; below 0: less, above 0: more. Takes the make-up of the wijk into "
        "account.",
    },
    "compare_trend_cross_domain_share_expl": {
        "nl": "Hoger: meer relaties tussen verschillende domeinen.",
        "en": "Higher: more ties between different domains.",
    },
    "compare_trend_note": {
        "nl": "Streepjes: 95%-onzekerheidsmarge (node-bootstrap, {n} herhalingen). De gewone E-I-index is "
        "2 × het aandeel relaties tussen domeinen − 1 en volgt dus dezelfde lijn als de bovenste grafiek; "
        "hij staat in de tabel.",
        "en": "Bars: 95% uncertainty margin (node bootstrap, {n} replicates). The plain E-I index is 2 × the share "
        "of ties between domains − 1, so it follows the same line as the upper chart; it is in the table.",
    },
    "compare_table_title": {"nl": "Kengetallen in {wave}", "en": "Key figures in {wave}"},
    "compare_table_note": {
        "nl": "Klein gedrukt: 95%-onzekerheidsmarge. Dichtheid daalt vanzelf als een netwerk groter wordt; "
        "relaties per actor en de E-I-index t.o.v. toeval houden rekening met de grootte en samenstelling "
        "van de wijk. Verbinders: de 10% actoren met de meeste makelaarsrollen.",
        "en": "Small print: 95% uncertainty margin. Density falls by itself as a network grows; ties per actor and "
        "the E-I index vs chance take the size and make-up of the wijk into account. Connectors: the 10% of "
        "actors with the most brokerage roles.",
    },
    "compare_col_wijk": {"nl": "Wijk", "en": "Wijk"},
    "compare_col_actors": {"nl": "Actoren", "en": "Actors"},
    "compare_col_ties": {"nl": "Relaties", "en": "Ties"},
    "compare_col_ei_expected": {"nl": "E-I bij toeval", "en": "E-I by chance"},
    "compare_col_mean_degree": {"nl": "Relaties per actor", "en": "Ties per actor"},
    "compare_col_cross_domain_share": {"nl": "Tussen domeinen", "en": "Between domains"},
    "compare_col_ei_index": {"nl": "E-I-index", "en": "E-I index"},
    "compare_col_ei_minus_expected": {"nl": "E-I t.o.v. toeval", "en": "E-I vs chance"},
    "compare_col_density": {"nl": "Dichtheid", "en": "Density"},
    "compare_col_reciprocity": {"nl": "Weder\u00adkerig", "en": "Reciprocated"},
    "compare_col_largest_component_share": {"nl": "In grootste deel", "en": "In largest part"},
    "compare_col_connectors_outside_team": {
        "nl": "Verbinders buiten team",
        "en": "Connectors outside team",
    },
    "compare_col_articulation_points": {"nl": "Kwetsbare bruggen", "en": "Fragile bridges"},
    "compare_maps_title": {"nl": "De netwerken in {wave}", "en": "The networks in {wave}"},
    "compare_maps_note": {
        "nl": "Zonder namen; kleur = domein. Elke wijk staat op dezelfde plaatsen als op de Netwerkkaart.",
        "en": "Without names; colour = domain. Each wijk keeps the positions of its Network map.",
    },
    "compare_map_alt": {
        "nl": "Netwerk van {wijk} in {wave}, zonder namen",
        "en": "Network of {wijk} in {wave}, without names",
    },
    "compare_mixing_title": {
        "nl": "Wie werkt met wie? ({wave})",
        "en": "Who works with whom? ({wave})",
    },
    "compare_mixing_note": {
        "nl": "Per rij: van alle relaties die een domein noemt, het deel (%) naar elk domein. Vakjes buiten de "
        "diagonaal zijn domeinoverstijgend. Alle wijken op dezelfde kleurschaal.",
        "en": "Per row: of all ties a domain names, the share (%) going to each domain. Cells off the diagonal "
        "cross domains. All wijken on the same colour scale.",
    },
    "compare_all_numbers": {
        "nl": "Alle cijfers (voor onderzoekers)",
        "en": "All numbers (for researchers)",
    },
    "compare_download": {"nl": "Download als CSV", "en": "Download as CSV"},
    "compare_one_wijk": {
        "nl": "Dit project heeft maar één wijk: er is nog niets te vergelijken.",
        "en": "This project has only one wijk: there is nothing to compare yet.",
    },
    # --- kern: Kernaanpakken and PlusWIJkteam ---
    "page_kernaanpakken": {"nl": "Kernaanpakken", "en": "Kernaanpakken (core approaches)"},
    "page_team": {"nl": "PlusWIJkteam", "en": "PlusWIJkteam"},
    "kern_intro": {
        "nl": "Elke kernaanpak vraagt om bepaalde samenwerkingen tussen rollen, zoals huisartsen met de gemeente of "
        "verwijzingen naar een welzijnscoach. Deze pagina laat per kernaanpak zien welke van die samenwerkingen er in "
        "de wijk zijn, welke ontbreken en welke rollen er helemaal niet zijn.",
        "en": "Each kernaanpak needs certain collaborations between roles, such as GPs with the municipality or "
        "referrals to a welfare coach. This page shows per kernaanpak which of them exist in the wijk, which are "
        "missing and which roles are not there at all.",
    },
    "kern_scope": {
        "nl": "Wijk {wijk}, meting {wave}. Alle soorten relaties tellen mee (de filters links gelden hier niet).",
        "en": "Wijk {wijk}, wave {wave}. Every type of tie counts (the filters on the left do not apply here).",
    },
    "kern_present": {"nl": "Samenwerkingen die er zijn", "en": "Collaborations that exist"},
    "kern_absent": {"nl": "Samenwerkingen die ontbreken", "en": "Collaborations that are missing"},
    "kern_none": {"nl": "Geen.", "en": "None."},
    "kern_participation": {
        "nl": "Deelnamecontrole (alleen voor onderzoekers)",
        "en": "Participation check (researchers only)",
    },
    "kern_leernetwerk": {
        "nl": "Het leernetwerk ziet per wijk alleen hoe volledig elke kernaanpak is: het deel van de verwachte "
        "samenwerkingen dat er is.",
        "en": "The learning network sees per wijk only how complete each kernaanpak is: the share of the expected "
        "collaborations that exist.",
    },
    "kern_completeness_caption": {
        "nl": "Volledigheid in meting {wave}: verwachte samenwerkingen die er zijn, als percentage.",
        "en": "Completeness in wave {wave}: expected collaborations that exist, as a percentage.",
    },
    "kern_method": {
        "nl": "Een samenwerking telt als er minstens één relatie is tussen iemand met de ene en iemand met de andere "
        "rol (bij een verwijzing alleen in de richting van de verwijzing). Welke samenwerkingen bij een kernaanpak "
        "horen, volgt het transformatieplan van PlusWIJken.",
        "en": "A collaboration counts when there is at least one tie between someone with the one role and someone "
        "with the other (for a referral only in the direction of the referral). Which collaborations belong to a "
        "kernaanpak follows the PlusWIJken transformation plan.",
    },
    "team_intro": {
        "nl": "Het PlusWIJkteam verbindt: het brengt partijen samen, betrekt bewoners en is het eerste aanspreekpunt. "
        "Deze pagina laat zien hoe ver het team in het wijknetwerk reikt en of het de samenstelling heeft die het "
        "plan vraagt.",
        "en": "The PlusWIJkteam connects: it brings parties together, involves residents and is the first point of "
        "contact. This page shows how far the team reaches into the wijknetwerk and whether it has the composition "
        "the plan asks for.",
    },
    "team_leernetwerk": {
        "nl": "Deze pagina gaat over de leden van één team en is er alleen voor onderzoekers en het PlusWIJkteam zelf.",
        "en": "This page is about the members of one team and is only for researchers and the PlusWIJkteam itself.",
    },
    "team_size": {"nl": "Teamleden", "en": "Team members"},
    "team_reach_2": {"nl": "Bereik in twee stappen", "en": "Reach in two steps"},
    "team_leefwereld": {"nl": "Relaties met de leefwereld", "en": "Ties with the leefwereld"},
    "team_first_contact": {"nl": "Aanspreekpunt", "en": "First point of contact"},
    "team_first_contact_help": {
        "nl": "Deel van de relaties die anderen in de wijk leggen dat naar een teamlid gaat.",
        "en": "Share of the ties others in the wijk make that go to a team member.",
    },
    "team_connectors": {"nl": "Verbinders buiten het team", "en": "Connectors outside the team"},
    "team_connectors_intro": {
        "nl": "Deze mensen verbinden anderen die zelf niet met elkaar verbonden zijn, maar zitten niet in het team: "
        "goede gesprekspartners voor het team.",
        "en": "These people connect others who are not connected themselves, but are not in the team: good people "
        "for the team to talk to.",
    },
    "team_method": {
        "nl": "Een stap is een relatie in een van beide richtingen. Het team komt uit de kolom pluswijkteam van deze "
        "meting. Verbinders: de tien procent sterkste makelaars (zie de pagina Verbinders).",
        "en": "A step is a tie in either direction. The team comes from the pluswijkteam column of this wave. "
        "Connectors: the top ten percent of brokers (see the page Connectors).",
    },
    "col_kern_role": {"nl": "Rol", "en": "Role"},
    # --- odata: gegevens (import counts of issue 14) ---
    "import_count_actor_waves_added": {
        "nl": "{n} nieuwe gegevens per meting",
        "en": "{n} per-wave attributes added",
    },
    "import_count_actor_waves_updated": {
        "nl": "{n} gegevens per meting bijgewerkt",
        "en": "{n} per-wave attributes updated",
    },
    "import_count_themes": {"nl": "{n} gespreksthema's", "en": "{n} interview themes"},
    "import_count_ratings_added": {"nl": "{n} nieuwe beoordelingen", "en": "{n} ratings added"},
    # --- oanalysis: Vertrouwen en waarde, Participatie van inwoners (issue 14) ---
    "page_onderstroom": {"nl": "Vertrouwen en waarde", "en": "Trust and value"},
    "page_participation": {"nl": "Participatie van inwoners", "en": "Residents' participation"},
    "oa_intro": {
        "nl": "De onderstroom van de samenwerking in {wijk}: hoe nauw partners samenwerken, hoeveel ze elkaar "
        "vertrouwen en wat ze aan elkaar hebben, zoals de partners het zelf in de vragenlijst aangeven.",
        "en": "The undercurrent of collaboration in {wijk}: how closely partners work together, how much they "
        "trust each other and what they get from each other, as the partners themselves say in the survey.",
    },
    "oa_no_ratings": {
        "nl": "Dit project heeft nog geen beoordelingen van partners (ratings.csv). Zet per genoemde partner het "
        "niveau van samenwerking (1-4) en de drie vragen over vertrouwen en waarde in ratings.csv.",
        "en": "This project has no ratings of partners yet (ratings.csv). Give per named partner the level of "
        "collaboration (1-4) and the three trust and three value items in ratings.csv.",
    },
    "oa_what_intensity": {
        "nl": "**Intensiteit**: hoe nauw partners samenwerken, van elkaar kennen (1) tot helemaal samen werken (4).",
        "en": "**Intensity**: how closely partners work together, from knowing each other (1) to fully joint "
        "work (4).",
    },
    "oa_what_share": {
        "nl": "**Nauw samenwerken**: het deel van de relaties waarin partners hun werk op elkaar afstemmen of "
        "samen doen (niveau 3 of 4).",
        "en": "**Close collaboration**: the share of ties in which partners coordinate or integrate their work "
        "(level 3 or 4).",
    },
    "oa_what_trust": {
        "nl": "**Vertrouwen**: hoe open, betrouwbaar en gericht op het gezamenlijke doel partners elkaar vinden "
        "(1 = weinig, 4 = veel).",
        "en": "**Trust**: how open, reliable and committed to the shared goal partners find each other "
        "(1 = little, 4 = a lot).",
    },
    "oa_what_value": {
        "nl": "**Waarde**: wat partners aan elkaar hebben: invloed, betrokkenheid en middelen (1 = weinig, 4 = veel).",
        "en": "**Value**: what partners get from each other: influence, involvement and resources "
        "(1 = little, 4 = a lot).",
    },
    "oa_levels": {
        "nl": "1 elkaar kennen|2 afstemmen|3 coördineren|4 integreren",
        "en": "1 awareness|2 cooperation|3 coordination|4 integration",
    },
    "oa_level": {"nl": "Niveau van samenwerking", "en": "Level of collaboration"},
    "oa_answers": {"nl": "Relaties", "en": "Ties"},
    "oa_share_pct": {"nl": "Deel van de relaties (%)", "en": "Share of ties (%)"},
    "oa_intensity_title": {
        "nl": "Hoe nauw werken partners samen?",
        "en": "How closely do partners work together?",
    },
    "oa_network_title": {"nl": "De hele wijk per meting", "en": "The whole wijk per wave"},
    "oa_pairs_title": {"nl": "Tussen domeinen in {wave}", "en": "Between domains in {wave}"},
    "oa_orgs_title": {
        "nl": "Partners zoals anderen ze zien ({wave})",
        "en": "Partners as others see them ({wave})",
    },
    "oa_orgs_note": {
        "nl": "Alleen partners die door minstens {n} anderen zijn beoordeeld; nooit hun eigen antwoord.",
        "en": "Only partners rated by at least {n} others; never their own answer.",
    },
    "oa_orgs_none": {
        "nl": "Geen partner is in deze meting door minstens {n} anderen beoordeeld.",
        "en": "No partner was rated by at least {n} others in this wave.",
    },
    "oa_col_wave": {"nl": "Meting", "en": "Wave"},
    "oa_col_from": {"nl": "Van", "en": "From"},
    "oa_col_to": {"nl": "Naar", "en": "To"},
    "oa_help": {"nl": "Wat betekenen de cijfers?", "en": "What do the figures mean?"},
    "oa_pairs_note": {
        "nl": "Van: het domein van wie beoordeelt; naar: het domein van de beoordeelde partner.",
        "en": "From: the domain of who rates; to: the domain of the rated partner.",
    },
    "oa_col_ties": {"nl": "Beoordeelde relaties", "en": "Rated ties"},
    "oa_col_share": {"nl": "Nauw samenwerken", "en": "Close collaboration"},
    "oa_col_trust": {"nl": "Vertrouwen", "en": "Trust"},
    "oa_col_value": {"nl": "Waarde", "en": "Value"},
    "oa_col_change_trust": {"nl": "Δ vertrouwen", "en": "Δ trust"},
    "oa_col_change_share": {"nl": "Δ nauw samenwerken", "en": "Δ close collaboration"},
    "oa_col_name": {"nl": "Partner", "en": "Partner"},
    "oa_col_domain": {"nl": "Domein", "en": "Domain"},
    "oa_col_raters": {"nl": "Beoordeeld door", "en": "Rated by"},
    "oa_range": {
        "nl": "{value} (tussen {low} en {high})",
        "en": "{value} (between {low} and {high})",
    },
    "oa_range_note": {
        "nl": "Tussen haakjes: waar het echte gemiddelde waarschijnlijk ligt; hoe minder partners antwoordden, "
        "hoe breder.",
        "en": "In brackets: where the true average probably lies; the fewer partners answered, the wider.",
    },
    "oa_ci_note": {
        "nl": "95%-interval: bootstrap over beoordelaars (1000 trekkingen, seed 0); scores volgens PARTNER "
        "(gemiddelde van minstens 2 van de 3 items). Zie docs/methods.md.",
        "en": "95% interval: bootstrap over raters (1000 replicates, seed 0); PARTNER scores (mean of at least "
        "2 of the 3 items). See docs/methods.md.",
    },
    "oa_hidden": {
        "nl": "–: minder dan {n} beoordelaars (of af te leiden uit de andere cijfers), dus niet getoond.",
        "en": "–: fewer than {n} raters (or derivable from the other figures), so not shown.",
    },
    "oa_summary": {
        "nl": "In {wave} werkt {share} van de beoordeelde relaties nauw samen. Vertrouwen: {trust} van 4, "
        "waarde: {value} van 4.",
        "en": "In {wave}, {share} of the rated ties collaborate closely. Trust: {trust} out of 4, value: {value} "
        "out of 4.",
    },
    "oa_trend_up": {
        "nl": "Het vertrouwen is gestegen sinds {wave}.",
        "en": "Trust has grown since {wave}.",
    },
    "oa_trend_down": {
        "nl": "Het vertrouwen is gedaald sinds {wave}.",
        "en": "Trust has fallen since {wave}.",
    },
    "oa_themes_title": {
        "nl": "Wat de gesprekken zeggen (onderzoekers)",
        "en": "What the conversations say (researchers)",
    },
    "oa_themes_intro": {
        "nl": "Thema's uit de gecodeerde interviews van {wijk} in {wave}, met de signalen (drempels, "
        "ontbrekende en gewenste verbindingen) uit dezelfde fragmenten.",
        "en": "Themes of the coded interviews of {wijk} in {wave}, with the signals (barriers, missing and "
        "wished-for links) of the same segments.",
    },
    "oa_themes_none": {
        "nl": "Geen gecodeerde thema's in deze meting.",
        "en": "No coded themes in this wave.",
    },
    "oa_col_theme": {"nl": "Thema", "en": "Theme"},
    "oa_col_segments": {"nl": "Fragmenten", "en": "Segments"},
    "oa_col_interviews": {"nl": "Gesprekken", "en": "Interviews"},
    "oa_col_signals": {"nl": "Signalen", "en": "Signals"},
    "oa_col_barriers": {"nl": "Drempels", "en": "Barriers"},
    "oa_col_missing": {"nl": "Zou moeten kennen", "en": "Should know"},
    "oa_quotes": {"nl": "Citaten bij het thema", "en": "Quotes of the theme"},
    "oa_quotes_locked": {
        "nl": "Citaten zijn alleen te zien met echte namen aan (onderzoekers).",
        "en": "Quotes are shown only with real names on (researchers).",
    },
    "oa_col_quote": {"nl": "Citaat", "en": "Quote"},
    "oa_col_interview": {"nl": "Gesprek", "en": "Interview"},
    "pa_intro": {
        "nl": "Op welke trede van de participatieladder staan de inwoners van {wijk}, zoals ze het zelf zeggen? "
        "De ladder is geen oordeel: elke trede kan passen.",
        "en": "On which step of the participation ladder are the residents of {wijk}, as they say themselves? "
        "The ladder is no judgement: every step can fit.",
    },
    "pa_none": {
        "nl": "Dit project heeft nog geen antwoorden van inwoners op de participatieladder "
        "(kolom participation_level in responses.csv).",
        "en": "This project has no answers of residents on the participation ladder yet "
        "(column participation_level in responses.csv).",
    },
    "pa_who": {
        "nl": "Inwoners: iedereen uit de leefwereld (inwoners, sleutelfiguren, vrijwilligers, mantelzorgers).",
        "en": "Residents: everyone of the lived world (residents, key figures, volunteers, informal carers).",
    },
    "pa_ladder_title": {"nl": "De ladder per meting", "en": "The ladder per wave"},
    "pa_step": {"nl": "Trede", "en": "Step"},
    "pa_residents": {"nl": "Inwoners", "en": "Residents"},
    "pa_share": {"nl": "Deel (%)", "en": "Share (%)"},
    "pa_median": {
        "nl": "In {wave} staat de middelste inwoner op de trede **{step}** ({n} inwoners antwoordden).",
        "en": "In {wave} the middle resident is on the step **{step}** ({n} residents answered).",
    },
    "pa_median_change": {
        "nl": "Dat is {steps} {unit} {direction} dan in de meting ervoor.",
        "en": "That is {steps} {unit} {direction} than in the wave before.",
    },
    "pa_unit_one": {"nl": "trede", "en": "step"},
    "pa_unit_many": {"nl": "treden", "en": "steps"},
    "pa_higher": {"nl": "hoger", "en": "higher"},
    "pa_lower": {"nl": "lager", "en": "lower"},
    "pa_same": {
        "nl": "Dat is dezelfde trede als in de meting ervoor.",
        "en": "That is the same step as in the wave before.",
    },
    "pa_median_hidden": {
        "nl": "In {wave} antwoordden te weinig inwoners om de middelste trede te tonen.",
        "en": "In {wave} too few residents answered to show the middle step.",
    },
    "pa_ties_title": {
        "nl": "Met wie zijn de inwoners verbonden? ({wave})",
        "en": "Whom are the residents tied to? ({wave})",
    },
    "pa_ties_note": {
        "nl": "Relaties van de inwoners op elke trede met elk domein. –: minder dan {n} inwoners op de trede.",
        "en": "Ties of the residents at each step with each domain. –: fewer than {n} residents at the step.",
    },
    "pa_ties_none": {
        "nl": "Geen relaties van inwoners met een trede in deze meting.",
        "en": "No ties of residents with a step in this wave.",
    },
    "pa_col_ties": {"nl": "Relaties", "en": "Ties"},
    "weight_by": {"nl": "Sterkte van een relatie", "en": "Strength of a tie"},
    "weight_by_weight": {"nl": "Zoals opgegeven (contact)", "en": "As given (contact)"},
    "weight_by_intensity": {"nl": "Intensiteit (1-4)", "en": "Intensity (1-4)"},
    "weight_by_trust": {"nl": "Vertrouwen (1-4)", "en": "Trust (1-4)"},
    "weight_by_help": {
        "nl": "Alleen voor onderzoekers: de sterkte uit de beoordelingen van partners. Relaties zonder "
        "beoordeling vallen dan weg.",
        "en": "Researchers only: the strength from the partners' ratings. Ties without a rating are left out.",
    },
    "oa_compare_title": {
        "nl": "Vertrouwen en intensiteit per wijk ({wave})",
        "en": "Trust and intensity per wijk ({wave})",
    },
    "oa_compare_note": {
        "nl": "Nauw samenwerken: deel van de beoordeelde relaties op niveau 3-4. Vertrouwen en waarde: 1 (weinig) "
        "tot 4 (veel), zoals partners elkaar beoordelen. –: te weinig beoordelaars.",
        "en": "Close collaboration: share of rated ties at level 3-4. Trust and value: 1 (little) to 4 (a lot), as "
        "partners rate each other. –: too few raters.",
    },
    "min_level_toggle": {
        "nl": "Alleen nauwe samenwerking (niveau 3-4)",
        "en": "Close collaboration only (level 3-4)",
    },
    # --- worlds: Verbindingskansen and Leefwereld en systeemwereld ---
    "page_opportunities": {"nl": "Verbindingskansen", "en": "Opportunities to connect"},
    "page_worlds": {"nl": "Leefwereld en systeemwereld", "en": "Lived and system world"},
    "opp_intro": {
        "nl": "Kansen om te verbinden in deze wijk en meting: ontbrekende verbindingen die het netwerk zelf "
        "noemt, de sleutelspelers en kennismakingen die een gat zouden dichten. Het zijn feiten uit de "
        "gegevens, geen opdrachten: het PlusWIJkteam weegt zelf wat zinvol is.",
        "en": "Opportunities to connect in this wijk and wave: missing links the network names itself, the key "
        "players and introductions that would close a gap. These are facts from the data, not instructions: "
        "the PlusWIJkteam judges what makes sense.",
    },
    "opp_signals": {
        "nl": "Ontbrekende verbindingen uit gesprekken",
        "en": "Missing links named in interviews",
    },
    "opp_signals_expl": {
        "nl": "Uit de interviews: 'kent niet maar zou moeten', 'drempel' en 'wil verbinden', met de meting "
        "waarin het paar (ook) een relatie heeft. Citaten staan hier niet.",
        "en": "From the interviews: 'does not know but should', 'barrier' and 'wishes to connect', with the "
        "wave in which the pair has a tie. Quotes are not shown here.",
    },
    "opp_no_signals": {
        "nl": "Voor deze wijk zijn (nog) geen signalen uit gesprekken vastgelegd. De vragenlijst stelt deze "
        "vraag niet; signalen komen uit gecodeerde interviews.",
        "en": "No interview signals have been recorded for this wijk (yet). The survey does not ask this "
        "question; signals come from coded interviews.",
    },
    "opp_key_players": {"nl": "Sleutelspelers", "en": "Key players"},
    "opp_k": {"nl": "Aantal sleutelspelers per set", "en": "Key players per set"},
    "opp_key_expl": {
        "nl": "Twee sets, elk als geheel gekozen (Borgatti 2006): wie samen de meeste actoren binnen twee "
        "stappen bereiken (de mensen om als eerste te informeren), en zonder wie het netwerk het meest "
        "uiteenvalt (de mensen van wie de samenwerking afhangt).",
        "en": "Two sets, each chosen as a whole (Borgatti 2006): who together reach most actors within two "
        "steps (the people to tell first), and without whom the network falls apart most (the people the "
        "collaboration depends on).",
    },
    "opp_suggestions": {"nl": "Mogelijke kennismakingen", "en": "Possible introductions"},
    "opp_suggestions_expl": {
        "nl": "Paren zonder relatie van wie een relatie een ontbrekende kernaanpak-schakel, een kwetsbare "
        "brug (één persoon als enige verbinding) of een kloof tussen leefwereld en systeemwereld zou "
        "dichten. Score 0 tot 1: hoeveel het netwerk erbij wint (zie de methodenbeschrijving).",
        "en": "Pairs without a tie whose tie would close a missing kernaanpak link, a fragile bridge (one "
        "person as the only connection) or a gap between the lived and the system world. Score 0 to 1: how "
        "much the network gains (see the methods).",
    },
    "opp_no_suggestions": {
        "nl": "Geen voorstellen: er is geen kwetsbare brug of kloof tussen de werelden gevonden.",
        "en": "No suggestions: no fragile bridge or gap between the worlds was found.",
    },
    "opp_map": {"nl": "Op de kaart", "en": "On the map"},
    "opp_map_alt": {
        "nl": "Netwerkkaart van {wijk} in {wave} met voorgestelde kennismakingen als stippellijnen",
        "en": "Network map of {wijk} in {wave} with suggested introductions as dashed lines",
    },
    "worlds_intro": {
        "nl": "Hoe leefwereld (inwoners, vrijwilligers, mantelzorgers, initiatieven) en systeemwereld "
        "(organisaties, gemeente, zorg) met elkaar verbonden zijn, en wie de brug slaat.",
        "en": "How the lived world (residents, volunteers, informal carers, initiatives) and the system world "
        "(organisations, municipality, care) are connected, and who bridges them.",
    },
    "worlds_mixing": {"nl": "Relaties tussen de werelden", "en": "Ties between the worlds"},
    "worlds_bridges": {
        "nl": "Bruggenbouwers tussen de werelden",
        "en": "Bridge builders between the worlds",
    },
    "worlds_bridges_expl": {
        "nl": "Actoren met de meeste makelaarsposities (Gould & Fernandez) en partners over de grens tussen "
        "leefwereld en systeemwereld: de kartrekkers die de werelden verbinden.",
        "en": "Actors with the most brokerage positions (Gould & Fernandez) and partners across the boundary "
        "between the lived and the system world: the connectors (kartrekkers) between the worlds.",
    },
    "worlds_outside_team": {
        "nl": "Bruggenbouwers buiten het PlusWIJkteam: {names}.",
        "en": "Bridge builders outside the PlusWIJkteam: {names}.",
    },
    "worlds_formal": {"nl": "Formeel en informeel", "en": "Formal and informal"},
    "worlds_formal_expl": {
        "nl": "Relaties van mantelzorgers, vrijwilligers en bewonersinitiatieven met professionals "
        "(systeemwereld), per meting.",
        "en": "Ties of informal carers, volunteers and residents' initiatives with professionals (system "
        "world), per wave.",
    },
    "worlds_by_wijk": {"nl": "Per wijk in meting {wave}", "en": "Per wijk in wave {wave}"},
    "worlds_mixing_wijk": {
        "nl": "Relaties tussen de werelden in {wijk}",
        "en": "Ties between the worlds in {wijk}",
    },
    "worlds_aggregate": {
        "nl": "U ziet groepscijfers: kleine aantallen zijn weggelaten (–), bruggenbouwers staan hier niet.",
        "en": "You see group figures: small counts are left out (–); bridge builders are not shown.",
    },
    "worlds_no_bridges": {
        "nl": "Geen actoren met relaties over de grens.",
        "en": "No actors with ties across.",
    },
    # --- partial ---
    "partial_no_data": {
        "nl": "Nog geen gegevens voor {wijk} in {wave}.",
        "en": "No data yet for {wijk} in {wave}.",
    },
    "partial_no_wijk_data": {
        "nl": "Nog geen gegevens voor {wijk}: in geen enkele meting zijn relaties geïmporteerd.",
        "en": "No data yet for {wijk}: no ties have been imported in any wave.",
    },
    "partial_other_waves": {
        "nl": "Voor {wijk} zijn er wel gegevens in: {waves}. Kies die meting in de zijbalk.",
        "en": "{wijk} does have data in: {waves}. Choose that wave in the sidebar.",
    },
    "partial_import_step": {
        "nl": "Importeer de gegevens op de pagina **Gegevens importeren** (onderzoekers), "
        "of vraag de onderzoekers van het programma dat te doen.",
        "en": "Import the data on the page **Import data** (researchers), "
        "or ask the programme's researchers to do so.",
    },
    "partial_compare_impossible": {
        "nl": "Vergelijken van {wave_from} met {wave_to} is niet mogelijk: voor {wijk} zijn er nog geen "
        "gegevens in {missing}. Zonder gegevens zou elke relatie als nieuw of verdwenen tellen.",
        "en": "Comparing {wave_from} with {wave_to} is not possible: {wijk} has no data yet in {missing}. "
        "Without data every tie would count as new or lost.",
    },
    "partial_error_general": {
        "nl": "Dit onderdeel kon voor deze keuze niet worden berekend.",
        "en": "This part could not be computed for this selection.",
    },
    "partial_compare_wave": {
        "nl": "Meting {chosen} heeft nog geen gegevens; de vergelijking gaat over meting {wave}, "
        "de laatste meting met gegevens.",
        "en": "Wave {chosen} has no data yet; the comparison is of wave {wave}, the latest wave with data.",
    },
    "partial_compare_caption": {
        "nl": "Meting {wave}: {n} met gegevens. Relaties: {types}; minimale sterkte: {weight}.",
        "en": "Wave {wave}: {n} with data. Ties: {types}; minimum strength: {weight}.",
    },
    "partial_wijken": {"nl": "{n} wijken", "en": "{n} wijken"},
    "partial_wijk": {"nl": "1 wijk", "en": "1 wijk"},
    "partial_net": {"nl": "netto {value}", "en": "net {value}"},
    "partial_net_help": {
        "nl": "Netto: nieuwe min verdwenen relaties tussen domeinen.",
        "en": "Net: new minus lost ties across domains.",
    },
    "partial_compare_one_wijk": {
        "nl": "Er is maar één wijk met gegevens in {wave} ({wijk}): er valt (nog) niets te vergelijken. "
        "Hieronder staan de cijfers van deze wijk.",
        "en": "Only one wijk has data in {wave} ({wijk}): there is nothing to compare (yet). "
        "Below are this wijk's figures.",
    },
    # --- steering ---
    "kpi_corrected_share": {
        "nl": "Na correctie: {share} (correctie {points} procentpunt).",
        "en": "After correction: {share} (correction {points} percentage points).",
    },
    "kpi_col_status_corrected": {"nl": "Oordeel na correctie", "en": "Judgement after correction"},
    "kpi_no_correction": {"nl": "geen correctie", "en": "no correction"},
    "steering_title": {"nl": "Stuurgroeprapportage", "en": "Steering-group report"},
    "steering_intro": {
        "nl": "De halfjaar- of jaarrapportage voor stuurgroep en zorgverzekeraar: go/no-go per wijk, KPI 3 zonder en "
        "na correctie, netwerkindicatoren, effect tegen vergelijkingswijken, wat werkt waar, fasen en "
        "procesindicatoren. Alleen groepscijfers.",
        "en": "The half-yearly or year-end report for the steering group and the insurer: go/no-go per wijk, KPI 3 "
        "without and after correction, network indicators, effect against comparison wijken, what works where, "
        "phases and process indicators. Group figures only.",
    },
    "steering_period": {"nl": "Periode", "en": "Period"},
    "steering_make": {"nl": "Stuurgroeprapportage maken", "en": "Make the steering-group report"},
    "steering_busy": {"nl": "Rapportage maken …", "en": "Making the report …"},
    "steering_html": {
        "nl": "Stuurgroeprapportage downloaden (HTML)",
        "en": "Download steering-group report (HTML)",
    },
    "steering_pdf": {
        "nl": "Stuurgroeprapportage downloaden (PDF)",
        "en": "Download steering-group report (PDF)",
    },
    "forest_title": {
        "nl": "Wat werkt waar: effecten per wijk en samen",
        "en": "What works where: effects per wijk and together",
    },
    "forest_intro": {
        "nl": "Welke kenmerken van twee deelnemers samengaan met een relatie in {wave_to} (vanuit {wave_from}): per "
        "wijk een lijn, samen een ruit. Rechts van de stippellijn: meer kans op een relatie; links: minder.",
        "en": "Which features of two participants go with a tie in {wave_to} (from {wave_from}): a line per wijk, a "
        "diamond for all together. Right of the dotted line: more chance of a tie; left: less.",
    },
    "forest_show": {
        "nl": "Effecten per wijk berekenen en tonen",
        "en": "Compute and show the effects per wijk",
    },
    "forest_none": {
        "nl": "Te weinig gegevens om dit per wijk te schatten.",
        "en": "Too little data to estimate this per wijk.",
    },
    "forest_note": {
        "nl": "'Verschilt sterk per wijk': de wijken verschillen meer dan toeval verklaart. 'In de meeste wijken': in "
        "minstens drie op de vier wijken.",
        "en": "'Differs strongly per wijk': the wijken differ more than chance explains. 'In most wijken': in at "
        "least three out of four wijken.",
    },
    "forest_note_researcher": {
        "nl": "Log odds ratio's van het model van relatieverandering per wijk, random-effects meta-analyse (REML); "
        "tau² en I² in het label van de gepoolde rij. Zie meta.csv.",
        "en": "Log odds ratios of the tie-change model per wijk, random-effects meta-analysis (REML); tau² and I² "
        "in the pooled row's label. See meta.csv.",
    },
    # --- wijkmeta ---
    "wijkmeta_title": {"nl": "De wijken", "en": "The wijken"},
    "wijkmeta_note": {
        "nl": "Uit wijken.csv van het programmabureau: gemeente, subregio, pilot- of vergelijkingswijk en de fase "
        "van de routekaart per meting. Vergelijkingswijken hebben geen wijkplan; zij laten zien hoe de "
        "samenwerking zonder PlusWIJken verandert.",
        "en": "From the programme office's wijken.csv: municipality, subregion, pilot or comparison wijk and the "
        "route-map phase per wave. Comparison wijken have no wijkplan; they show how collaboration changes "
        "without PlusWIJken.",
    },
    "wijkmeta_none": {
        "nl": "Er is geen wijken.csv: alle wijken tellen als pilotwijk en er zijn geen fasen bekend.",
        "en": "There is no wijken.csv: every wijk counts as a pilot wijk and no phases are known.",
    },
    # --- map ---
    "map_search": {"nl": "Zoeken", "en": "Search"},
    "map_search_label": {
        "nl": "Zoek een persoon, rol of organisatie",
        "en": "Search a person, role or organisation",
    },
    "map_search_placeholder": {
        "nl": "Naam, rol of organisatie (Enter)",
        "en": "Name, role or organisation (Enter)",
    },
    "map_search_hits": {"nl": "Gevonden", "en": "Found"},
    "map_search_none": {
        "nl": "Niets gevonden voor ‘{query}’ in deze wijk en meting.",
        "en": "Nothing found for ‘{query}’ in this wijk and wave.",
    },
    "map_ego": {"nl": "Wat wilt u zien?", "en": "What do you want to see?"},
    "map_ego_1": {
        "nl": "Alleen deze persoon/organisatie en directe contacten",
        "en": "Only this person/organisation and direct contacts",
    },
    "map_ego_2": {"nl": "Ook contacten van contacten", "en": "Contacts of contacts too"},
    "map_focus_caption": {
        "nl": "Op de kaart: {name} en {n} contacten; de rest is vervaagd.",
        "en": "On the map: {name} and {n} contacts; the rest is faded.",
    },
    "map_download": {"nl": "Kaart downloaden", "en": "Download the map"},
    "map_download_png": {"nl": "Afbeelding (PNG)", "en": "Picture (PNG)"},
    "map_download_svg": {"nl": "Tekening (SVG)", "en": "Drawing (SVG)"},
    "map_download_html": {"nl": "Interactieve kaart (HTML)", "en": "Interactive map (HTML)"},
    "map_download_help": {
        "nl": "Precies de kaart die u hier ziet, met dezelfde namen en plaatsen; de HTML werkt zonder internet.",
        "en": "Exactly the map you see here, with the same names and places; the HTML works offline.",
    },
    "map_all_names_help": {
        "nl": "Standaard staan de namen van de {n} grootste stippen op de kaart, waar ze passen. Met alle namen "
        "wordt de tekening uitgerekt tot elke naam past zonder overlap: zoom in (scrollen) om ze te lezen.",
        "en": "By default the names of the {n} largest dots are drawn where they fit. With all names the drawing "
        "is spread until every name fits without overlap: zoom in (scroll) to read them.",
    },
    "map_anonymous_search": {
        "nl": "Deze kaart toont domeinen, geen namen: zoeken op naam kan hier niet.",
        "en": "This map shows domains, not names: searching by name is not possible here.",
    },
    # --- words ---
    "trend_words": {"nl": "In {wave_to}: {words}.", "en": "In {wave_to}: {words}."},
    "choose_option": {"nl": "Kies…", "en": "Choose…"},
    "choose_options": {"nl": "Kies een of meer…", "en": "Choose one or more…"},
    "no_choice": {"nl": "Geen keuze", "en": "No choice"},
    "upload_hint": {
        "nl": "Toegestaan: {types}; tot {mb} MB per bestand.",
        "en": "Allowed: {types}; up to {mb} MB per file.",
    },
    "upload_button": {"nl": "Bestand kiezen", "en": "Choose file"},
    "upload_drop": {"nl": "Sleep bestanden hierheen of", "en": "Drag files here or"},
    "change_definition": {
        "nl": "Telling: alle actoren van beide metingen (relaties van nieuwkomers tellen als nieuw, van "
        "vertrokken actoren als verdwenen). Alleen actoren die beide jaren meededen: {new} nieuw, {lost} "
        "verdwenen, {kept} gebleven (zo telt het wijkrapport de stabiliteit).",
        "en": "Count: all actors of both waves (ties of newcomers count as new, of leavers as lost). Only actors "
        "who took part in both years: {new} new, {lost} lost, {kept} kept (as the wijk report counts stability).",
    },
    "merged_note": {
        "nl": "Voor het leernetwerk zijn kleine groepen samengevoegd tot 'overig' of weggelaten; de cijfers "
        "kunnen daardoor iets afwijken van die van de wijk zelf.",
        "en": "For the learning network small groups were merged into 'other' or left out; the figures may "
        "therefore differ slightly from the wijk's own.",
    },
}


#: The same texts in words for a PlusWIJkteam and a leernetwerk: no method names, no p-values
#: (:func:`wijknet.core.i18n.text` with ``plain``, :func:`plain`). An empty text says nothing.
PLAIN = {
    "nr_methods": {
        "nl": "Alleen respondenten: wie niet reageerde, wordt weggelaten. Reconstructie: een relatie die een "
        "respondent met een niet-respondent meldt, telt in beide richtingen. Aanvullen: paren van twee "
        "niet-respondenten krijgen willekeurig een relatie, zo vaak als bij de gemelde relaties (met of zonder "
        "beantwoorde relaties). Aanvullen kijkt niet naar het domein en maakt de domeinen daardoor gemengder "
        "dan ze zijn; lees de menging van domeinen na aanvullen met voorzichtigheid.",
        "en": "Respondents only: non-respondents are left out. Reconstruction: a tie a respondent reports with a "
        "non-respondent counts in both directions. Filling in: pairs of two non-respondents get a tie at random, "
        "as often as among the reported ties (with or without returned ties). Filling in ignores the domain and "
        "so makes the domains look more mixed than they are; read the mixing of domains after filling in with "
        "care.",
    },
    "m_ei_expl": {
        "nl": "Van -1 (iedereen werkt alleen binnen het eigen domein) tot +1 (alleen met andere domeinen).",
        "en": "From -1 (everyone works only within their own domain) to +1 (only with other domains).",
    },
    "m_ei_p_expl": {
        "nl": "Of de domeinen duidelijk meer of minder mengen dan wanneer relaties willekeurig over de domeinen "
        "verdeeld zouden zijn.",
        "en": "Whether the domains mix clearly more or less than if ties were spread over the domains at random.",
    },
    "change_sum_stable": {
        "nl": "Van alle relaties die in één van beide metingen voorkomen, bestaat {pct}% in allebei.",
        "en": "Of all ties found in either wave, {pct}% exist in both.",
    },
    "trend_ei_index": {
        "nl": "Binnen of buiten het eigen domein",
        "en": "Within or outside the own domain",
    },
    "trend_method": {
        "nl": "De band rond de lijn laat zien waar de echte waarde waarschijnlijk ligt: hoe breder, hoe "
        "onzekerder.",
        "en": "The band around the line shows where the true value probably lies: the wider, the less certain.",
    },
    "kpi_col_ei": {"nl": "Binnen/buiten eigen domein", "en": "Within/outside own domain"},
    "compare_trend_ei_minus_expected": {
        "nl": "Menging van domeinen ten opzichte van toeval",
        "en": "Mixing of domains compared with chance",
    },
    "compare_trend_note": {
        "nl": "Streepjes: waar de echte waarde waarschijnlijk ligt. Overlappen de streepjes van twee metingen "
        "flink, dan is het verschil niet duidelijk.",
        "en": "Bars: where the true value probably lies. If the bars of two waves overlap a lot, the difference "
        "is not clear.",
    },
    "compare_table_note": {
        "nl": "Klein gedrukt: waar de echte waarde waarschijnlijk ligt. Dichtheid daalt vanzelf als een netwerk "
        "groter wordt; relaties per actor en de menging ten opzichte van toeval houden rekening met de grootte "
        "en samenstelling van de wijk. Verbinders: de 10% actoren met de meeste makelaarsrollen.",
        "en": "Small print: where the true value probably lies. Density falls by itself as a network grows; ties "
        "per actor and the mixing compared with chance take the size and make-up of the wijk into account. "
        "Connectors: the 10% of actors with the most brokerage roles.",
    },
    "compare_col_ei_expected": {"nl": "Bij toeval", "en": "By chance"},
    "compare_col_ei_index": {"nl": "Binnen/buiten eigen domein", "en": "Within/outside own domain"},
    "compare_col_ei_minus_expected": {"nl": "Menging t.o.v. toeval", "en": "Mixing vs chance"},
    "oa_ci_note": {
        "nl": "Tussen haakjes: waar het echte gemiddelde waarschijnlijk ligt; scores: het gemiddelde van "
        "minstens 2 van de 3 vragen.",
        "en": "In brackets: where the true average probably lies; scores: the mean of at least 2 of the 3 "
        "questions.",
    },
    "opp_key_expl": {
        "nl": "Twee groepjes, elk als geheel gekozen: wie samen de meeste actoren binnen twee stappen bereiken "
        "(de mensen om als eerste te informeren), en zonder wie het netwerk het meest uiteenvalt (de mensen "
        "van wie de samenwerking afhangt).",
        "en": "Two sets, each chosen as a whole: who together reach most actors within two steps (the people to "
        "tell first), and without whom the network falls apart most (the people the collaboration depends on).",
    },
}
for _key, _plain in PLAIN.items():
    TEXTS[_key] = {**TEXTS[_key], "plain": _plain}


def plain() -> bool:
    """Whether the viewer reads the plain variants of the texts (a PlusWIJkteam or a leernetwerk).

    The audience of the project the entry script loaded (:func:`wijknet.core.uncertainty.is_plain`);
    outside a Streamlit session (or before a project is loaded): the researcher's texts.
    """
    from wijknet.core.uncertainty import is_plain

    try:
        import streamlit as st

        sel = st.session_state.get("_selection")
    except Exception:  # outside a Streamlit session
        return False
    project = getattr(sel, "project", None)
    return is_plain(getattr(project, "audience", None))


def t(key: str, **values) -> str:
    """The text ``key`` in the language chosen in the sidebar, in plain words for a PlusWIJkteam or leernetwerk."""
    from wijknet.webapp.session import language

    return text(TEXTS, key, language(), plain=plain(), **values)


#: Characters that Markdown, Streamlit's own syntax (``:red[...]``, ``:material/icon:``, ``$math$``) or HTML could
#: read; CommonMark lets every ASCII punctuation character be escaped with a backslash.
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=^\"'/@%])")
#: Where GitHub-flavoured Markdown turns bare text into a link (``http://``, ``www.``), whatever is escaped.
_AUTOLINK = re.compile(r"(https?|ftp|www)(?=[:.])", re.IGNORECASE)


def literal(value) -> str:
    r"""``value`` as Markdown that shows exactly its characters: no link, image, HTML, emphasis or heading.

    Each character of :data:`_MARKUP` is backslash-escaped and every run of
    white space in a line becomes one space (no indented code block); lines
    stay lines (Markdown hard breaks), empty ones are left out. Bare URLs
    get an invisible word joiner (U+2060) after ``http``/``www``, since
    GitHub-flavoured Markdown links them after unescaping: the text looks
    the same but is no link.

    Examples
    --------
    >>> print(literal("![x](h/x) <img src=x>"))
    \!\[x\]\(h\/x\) \<img src\=x\>
    """
    lines = (" ".join(line.split()) for line in str(value).splitlines())
    return "  \n".join(
        _MARKUP.sub(r"\\\1", _AUTOLINK.sub("\\1\u2060", line)) for line in lines if line
    )
