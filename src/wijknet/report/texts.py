"""User-facing texts of the reports and feedback profiles, Dutch first, English second."""

from __future__ import annotations

from wijknet.core.glossary import MEASURE_NAMES

TEXTS = {
    **MEASURE_NAMES,
    # --- document ---------------------------------------------------------------------------
    "doc_wijk_title": {"nl": "Wijknetwerk {wijk}", "en": "Wijk network {wijk}"},
    "doc_wijk_sub": {
        "nl": "Samenwerking in de wijk, meting {wave}",
        "en": "Collaboration in the wijk, wave {wave}",
    },
    "doc_programme_title": {
        "nl": "Wijknetwerken: overzicht voor de stuurgroep",
        "en": "Wijk networks: overview for the steering group",
    },
    "doc_programme_sub": {"nl": "Alle wijken, meting {wave}", "en": "All wijken, wave {wave}"},
    "doc_meta": {
        "nl": "{title} · gemaakt op {date} met wijknet {version}",
        "en": "{title} · made on {date} with wijknet {version}",
    },
    "synthetic": {
        "nl": "Fictieve demodata: alle namen, organisaties en relaties in dit rapport zijn verzonnen. "
        "De cijfers zeggen niets over de echte wijk.",
        "en": "Fictional demo data: all names, organisations and ties in this report are invented. "
        "The numbers say nothing about the real wijk.",
    },
    "contents": {"nl": "Inhoud", "en": "Contents"},
    "page": {"nl": "pagina", "en": "page"},
    # --- summary ----------------------------------------------------------------------------
    "sec_summary": {"nl": "In het kort", "en": "At a glance"},
    "tile_actors": {"nl": "actoren", "en": "actors"},
    "tile_ties": {"nl": "relaties", "en": "ties"},
    "tile_cross": {
        "nl": "van de relaties verbindt twee domeinen",
        "en": "of the ties connect two domains",
    },
    "tile_ei": {
        "nl": "E-I-index (−1 eigen domein, +1 andere domeinen)",
        "en": "E-I index (−1 own domain, +1 other domains)",
    },
    "tile_kpi": {
        "nl": "KPI 3: werkt meer domeinoverstijgend",
        "en": "KPI 3: works more across domains",
    },
    "tile_kpi_none": {"nl": "KPI 3: geen enquête", "en": "KPI 3: no survey"},
    "summary_change": {
        "nl": "Sinds meting {previous}: {new} nieuwe en {lost} verdwenen relaties; het aandeel relaties tussen "
        "domeinen ging van {cross_before} naar {cross_now}.",
        "en": "Since wave {previous}: {new} new and {lost} lost ties; the share of ties between domains went "
        "from {cross_before} to {cross_now}.",
    },
    "summary_first": {
        "nl": "Dit is de eerste meting (nulmeting): latere metingen worden hiermee vergeleken.",
        "en": "This is the first wave (baseline): later waves are compared with it.",
    },
    "summary_connectors": {
        "nl": "Belangrijkste verbinders buiten het PlusWIJkteam: {names}.",
        "en": "Main connectors outside the PlusWIJkteam: {names}.",
    },
    "summary_bridges": {
        "nl": "{n} kwetsbare brug(gen): actoren zonder wie een deel van het netwerk losraakt.",
        "en": "{n} fragile bridge(s): actors without whom part of the network is cut off.",
    },
    # --- map --------------------------------------------------------------------------------
    "sec_map": {"nl": "Netwerkkaart", "en": "Network map"},
    "map_intro": {
        "nl": "Elke stip is een persoon of organisatie in de wijk, de kleur is het domein, de grootte het aantal "
        "relaties. Een lijn is een samenwerkingsrelatie. Actoren van hetzelfde domein staan bij elkaar; wie "
        "veel met andere domeinen samenwerkt, staat aan de rand, richting die domeinen. De plaatsen zijn in "
        "elke meting gelijk.",
        "en": "Each dot is a person or organisation in the wijk, its colour is the domain, its size the number of "
        "ties. A line is a collaboration tie. Actors of the same domain are placed together; those who work "
        "much with other domains sit on the edge, towards those domains. Positions are the same in every wave.",
    },
    "map_title": {
        "nl": "Netwerkkaart {wijk}, meting {wave}",
        "en": "Network map {wijk}, wave {wave}",
    },
    # --- measures ---------------------------------------------------------------------------
    "sec_measures": {"nl": "Kengetallen", "en": "Key measures"},
    "measures_intro": {
        "nl": "De kengetallen van het hele wijknetwerk, met in de laatste kolom wat ze betekenen.",
        "en": "The measures of the whole wijk network; the last column says what they mean.",
    },
    "col_measure": {"nl": "Kengetal", "en": "Measure"},
    "col_meaning": {"nl": "Wat betekent dit?", "en": "What does it mean?"},
    "m_actors_expl": {
        "nl": "Personen en organisaties in het wijknetwerk in deze meting.",
        "en": "People and organisations in the wijk network in this wave.",
    },
    "m_ties_expl": {
        "nl": "Genoemde samenwerkingsrelaties (van wie noemde naar wie genoemd werd).",
        "en": "Collaboration ties named (from who named to who was named).",
    },
    "m_density_expl": {
        "nl": "Deel van alle mogelijke relaties dat er echt is: 0,05 = 5 van de 100.",
        "en": "Share of all possible ties that exist: 0.05 = 5 in 100.",
    },
    "m_cross_expl": {
        "nl": "Deel van de relaties tussen twee verschillende domeinen (bijv. zorg en welzijn).",
        "en": "Share of ties between two different domains (e.g. care and welfare).",
    },
    "m_ei_expl": {
        "nl": "Van −1 (alleen binnen het eigen domein) tot +1 (alleen met andere domeinen).",
        "en": "From −1 (only within the own domain) to +1 (only with other domains).",
    },
    "m_ei_expected_expl": {
        "nl": "De E-I-index als relaties willekeurig over de domeinen verdeeld waren.",
        "en": "The E-I index if ties were spread over the domains at random.",
    },
    "m_ei_p_expl": {
        "nl": "Onder 0,05: het verschil met de toevalswaarde is duidelijk, geen toeval.",
        "en": "Below 0.05: the difference from the chance value is clear, not coincidence.",
    },
    "m_reciprocity_expl": {
        "nl": "Deel van de relaties dat beide partijen noemen.",
        "en": "Share of ties named by both sides.",
    },
    "m_components_expl": {
        "nl": "Groepjes zonder enige verbinding met elkaar (een actor zonder relaties telt mee).",
        "en": "Groups without any link to each other (an actor without ties counts).",
    },
    "m_isolates_expl": {
        "nl": "Met niemand verbonden in deze meting.",
        "en": "Linked to no one in this wave.",
    },
    "m_transitivity_expl": {
        "nl": "Hoe vaak twee partners van iemand ook met elkaar samenwerken.",
        "en": "How often two partners of someone also work together.",
    },
    "m_assortativity_expl": {
        "nl": "Boven 0: vaker met het eigen domein dan bij toeval; onder 0: vaker met andere.",
        "en": "Above 0: own domain more often than by chance; below 0: others more often.",
    },
    # --- connectors -------------------------------------------------------------------------
    "sec_connectors": {
        "nl": "Verbinders en kwetsbare bruggen",
        "en": "Connectors and fragile bridges",
    },
    "connectors_intro": {
        "nl": "Verbinders brengen mensen en domeinen samen die elkaar anders niet zouden vinden. De tabel toont de "
        "{n} verbinders: de 10% actoren met de meeste verbindende rollen (makelaarsrollen naar Gould en "
        "Fernandez; bij gelijke aantallen tellen ze allemaal mee), met hun brugfunctie (betweenness, 0 tot 1).",
        "en": "Connectors bring together people and domains that would not find each other otherwise. The table "
        "shows the {n} connectors: the 10% of actors with the most brokerage roles (Gould and Fernandez; "
        "equal counts all count), with their betweenness (0 to 1).",
    },
    "col_name": {"nl": "Naam", "en": "Name"},
    "col_role": {"nl": "Rol", "en": "Role"},
    "col_domain": {"nl": "Domein", "en": "Domain"},
    "col_team": {"nl": "Team", "en": "Team"},
    "col_partners": {"nl": "Relaties", "en": "Ties"},
    "col_roles": {"nl": "Rollen", "en": "Roles"},
    "col_betweenness": {"nl": "Brug", "en": "Betweenness"},
    "col_fragile": {"nl": "Kwetsbaar", "en": "Fragile"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    "connectors_none": {
        "nl": "In deze meting heeft niemand een verbindende rol.",
        "en": "No one has a brokerage role in this wave.",
    },
    "connectors_outside_none": {
        "nl": "De belangrijkste verbinders zitten allemaal in het PlusWIJkteam.",
        "en": "The main connectors are all in the PlusWIJkteam.",
    },
    "bridges_title": {"nl": "Kwetsbare bruggen", "en": "Fragile bridges"},
    "bridges_intro": {
        "nl": "Kwetsbare bruggen: valt een van deze actoren weg, dan raakt een deel van het netwerk los van de "
        "rest. Een tweede verbinding naar dat deel maakt het netwerk steviger.",
        "en": "Fragile bridges: if one of these actors drops out, part of the network is cut off from the rest. "
        "A second link to that part makes the network sturdier.",
    },
    "bridges_none": {
        "nl": "Er zijn geen kwetsbare bruggen in deze meting.",
        "en": "There are no fragile bridges in this wave.",
    },
    "names_note": {
        "nl": "Namen staan er alleen bij wie toestemming gaf om genoemd te worden; anders staat de rol er.",
        "en": "Names are shown only for those who consented to be named; otherwise the role is shown.",
    },
    # --- mixing -----------------------------------------------------------------------------
    "sec_mixing": {"nl": "Domeinmenging", "en": "Domain mixing"},
    "mixing_intro": {
        "nl": "Wie werkt met wie? Elke rij is het domein dat de relatie noemde, elke kolom het domein dat genoemd "
        "werd. Het getal is het aantal relaties; hoe donkerder het vak, hoe groter het deel van de rij. Op de "
        "diagonaal staan de relaties binnen een domein.",
        "en": "Who works with whom? Each row is the domain that named the tie, each column the domain that was "
        "named. The number is the count of ties; the darker the cell, the larger its share of the row. The "
        "diagonal holds ties within a domain.",
    },
    "mixing_from_to": {"nl": "van ↓ / naar →", "en": "from ↓ / to →"},
    "ei_domains_title": {
        "nl": "Hoe naar buiten gericht is elk domein?",
        "en": "How outward-looking is each domain?",
    },
    "col_internal": {"nl": "Binnen", "en": "Internal"},
    "col_external": {"nl": "Naar buiten", "en": "External"},
    "col_ei": {"nl": "E-I-index", "en": "E-I index"},
    "mixing_none": {"nl": "Geen relaties in deze meting.", "en": "No ties in this wave."},
    # --- change -----------------------------------------------------------------------------
    "sec_change": {
        "nl": "Verandering sinds de vorige meting",
        "en": "Change since the previous wave",
    },
    "change_first": {
        "nl": "Meting {wave} is de eerste meting; er is nog niets om mee te vergelijken.",
        "en": "Wave {wave} is the first wave; there is nothing to compare with yet.",
    },
    "change_intro": {
        "nl": "Van meting {previous} naar {wave}, over alle actoren van beide metingen (zoals in de app): "
        "{entered} actoren kwamen erbij en {left} gingen weg; hun relaties tellen als nieuw en verdwenen.",
        "en": "From wave {previous} to {wave}, over all actors of both waves (as in the app): {entered} actors "
        "joined and {left} left; their ties count as new and lost.",
    },
    "ch_stable_only": {
        "nl": "Alleen actoren die beide jaren meededen ({stable}): {new} nieuwe, {lost} verdwenen en {kept} "
        "gebleven relaties.",
        "en": "Only actors who took part in both years ({stable}): {new} new, {lost} lost and {kept} kept ties.",
    },
    "prog_change_note": {
        "nl": "Nieuw / weg en stabiliteit: over alle actoren van beide metingen, zoals in de app (relaties van "
        "nieuwkomers tellen als nieuw, van vertrokken actoren als verdwenen).",
        "en": "New / lost and stability: over all actors of both waves, as in the app (ties of newcomers count as "
        "new, of leavers as lost).",
    },
    "merged_note": {
        "nl": "Voor het leernetwerk zijn kleine groepen samengevoegd tot 'overig' of weggelaten; de cijfers "
        "kunnen daardoor iets afwijken van die in het rapport van de wijk zelf.",
        "en": "For the learning network small groups were merged into 'other' or left out; the figures may "
        "therefore differ slightly from those in the wijk's own report.",
    },
    "ch_kept": {"nl": "Gebleven relaties", "en": "Ties kept"},
    "ch_new": {"nl": "Nieuwe relaties", "en": "New ties"},
    "ch_lost": {"nl": "Verdwenen relaties", "en": "Ties lost"},
    "ch_all": {"nl": "Alle", "en": "All"},
    "ch_cross": {"nl": "Tussen domeinen", "en": "Between domains"},
    "ch_same": {"nl": "Binnen een domein", "en": "Within a domain"},
    "ch_jaccard": {
        "nl": "Stabiliteit (Jaccard): {value}. Van alle relaties in een van beide metingen is dit deel in beide "
        "aanwezig (0,3 of meer is gebruikelijk).",
        "en": "Stability (Jaccard): {value}. Of all ties in either wave, this share is present in both (0.3 or "
        "more is usual).",
        "plain": {
            "nl": "Stabiliteit: {pct} van alle relaties in een van beide metingen bestaat in allebei (30% of meer "
            "is gebruikelijk).",
            "en": "Stability: {pct} of all ties in either wave exist in both (30% or more is usual).",
        },
    },
    "ch_qap": {
        "nl": "Samenhang van de twee netwerken (QAP-correlatie): {r} ({p}).",
        "en": "Similarity of the two networks (QAP correlation): {r} ({p}).",
        "plain": {"nl": "", "en": ""},
    },
    "ch_trend": {"nl": "Trend over alle metingen", "en": "Trend over all waves"},
    # --- KPI --------------------------------------------------------------------------------
    "sec_kpi": {
        "nl": "KPI 3: meer integraal en domeinoverstijgend werken",
        "en": "KPI 3: more integral, domain-crossing work",
    },
    "kpi_intro": {
        "nl": 'Het aandeel actieve deelnemers dat het (helemaal) eens is met de stelling "Ik werk meer integraal en '
        'domeinoverstijgend samen dan een jaar geleden", met een 95%-onzekerheidsmarge (Wilson), naast de '
        "bandbreedte van dat jaar. Doel aan het eind: {target}.",
        "en": 'The share of active participants who (strongly) agree with "I work more integrally and across '
        "domains than a year ago\", with a 95% interval (Wilson), next to that year's band. End target: "
        "{target}.",
    },
    "kpi_none": {
        "nl": "Dit project heeft (nog) geen enquêteantwoorden (responses.csv); KPI 3 kan niet worden berekend.",
        "en": "This project has no survey responses (responses.csv) yet; KPI 3 cannot be computed.",
    },
    "col_wave": {"nl": "Meting", "en": "Wave"},
    "col_answered": {"nl": "Antwoorden", "en": "Answers"},
    "col_agree": {"nl": "Eens", "en": "Agree"},
    "col_share": {"nl": "Aandeel", "en": "Share"},
    "col_ci": {"nl": "95%-marge", "en": "95% interval"},
    "col_band": {"nl": "Bandbreedte", "en": "Band"},
    "col_status": {"nl": "Oordeel", "en": "Judgement"},
    "kpi_rules": {
        "nl": "Regels van het programma, op het gemeten aandeel: binnen of boven de band = doorgaan; voor het eerst "
        "onder de band = de stuurgroep vraagt een analyse; twee keer op rij onder de band = analyse en verbeterplan, "
        "tenzij de zorgverzekeraar (na overleg met de stuurgroep) besluit de activiteiten te stoppen. Elk resultaat "
        "wordt beoordeeld na correctie voor exogene factoren voor zover mogelijk en relevant; een correctie staat "
        'erbij met haar reden. Valt de marge nog in de band, dan kan "onder de band" ook toeval zijn.',
        "en": "The programme's rules, on the measured share: within or above the band = continue; below the band "
        "for the first time = the steering group asks for an analysis; below twice in a row = analysis and "
        "improvement plan, unless the insurer (zorgverzekeraar) decides, after consulting the steering group, to "
        "stop the activities. Each result is judged after correction for exogenous factors where possible and "
        'relevant; a correction is shown with its reason. If the interval still reaches the band, "below" may be '
        "chance.",
    },
    "kpi_overlap": {"nl": "marge raakt de band", "en": "interval reaches band"},
    # --- response and quality ----------------------------------------------------------------
    "sec_quality": {
        "nl": "Respons en kwaliteit van de gegevens",
        "en": "Response and data quality",
    },
    "quality_intro": {
        "nl": "Een netwerk is zo volledig als de mensen die meedoen. Wie niet antwoordt, kan alleen via de "
        "antwoorden van anderen in beeld komen; actoren zonder relaties zijn vaak niet-respondenten.",
        "en": "A network is as complete as the people who take part. Those who do not answer can only appear "
        "through others' answers; actors without ties are often non-respondents.",
    },
    "col_actors": {"nl": "Actoren", "en": "Actors"},
    "col_respondents": {"nl": "Enquêtes", "en": "Responses"},
    "col_rate": {"nl": "Respons", "en": "Response rate"},
    "col_reporters": {"nl": "Noemden relaties", "en": "Named ties"},
    "col_isolates": {"nl": "Zonder relaties", "en": "Without ties"},
    "warnings_title": {"nl": "Opmerkingen bij de gegevens", "en": "Notes on the data"},
    "warnings_none": {
        "nl": "Geen opmerkingen bij het inlezen.",
        "en": "No notes when reading the data.",
    },
    # --- programme --------------------------------------------------------------------------
    "sec_overview": {"nl": "De wijken naast elkaar", "en": "The wijken side by side"},
    "overview_intro": {
        "nl": "Per wijk de belangrijkste kengetallen van meting {wave}, de verandering sinds {previous} en KPI 3. "
        "De wijken verschillen in grootte en aanpak: vergelijk vooral de richting van de verandering.",
        "en": "Per wijk the key measures of wave {wave}, the change since {previous} and KPI 3. The wijken differ "
        "in size and approach: compare above all the direction of change.",
    },
    "overview_intro_first": {
        "nl": "Per wijk de belangrijkste kengetallen van meting {wave} en KPI 3.",
        "en": "Per wijk the key measures of wave {wave} and KPI 3.",
    },
    "col_wijk": {"nl": "Wijk", "en": "Wijk"},
    "col_new_lost": {"nl": "Nieuw / weg", "en": "New / lost"},
    "col_jaccard": {"nl": "Jaccard", "en": "Jaccard"},
    "col_cross_short": {"nl": "Tussen domeinen", "en": "Between domains"},
    "col_kpi": {"nl": "KPI 3", "en": "KPI 3"},
    "sec_trends": {"nl": "Trends per wijk", "en": "Trends per wijk"},
    "trends_intro": {
        "nl": "Het aandeel relaties tussen domeinen en de E-I-index per meting. Een stijgende lijn betekent dat de "
        "wijk meer domeinoverstijgend samenwerkt.",
        "en": "The share of ties between domains and the E-I index per wave. A rising line means the wijk works "
        "more across domains.",
    },
    "trend_cross": {
        "nl": "Aandeel relaties tussen domeinen",
        "en": "Share of ties between domains",
    },
    "trend_ei": {"nl": "E-I-index", "en": "E-I index"},
    "trend_kpi": {"nl": "KPI 3 per meting", "en": "KPI 3 per wave"},
    "all_wijken": {"nl": "Alle wijken samen", "en": "All wijken together"},
    "sec_response_all": {"nl": "Respons per wijk", "en": "Response per wijk"},
    # --- appendix ---------------------------------------------------------------------------
    "sec_appendix": {
        "nl": "Bijlage: methoden, gegevens en herkomst",
        "en": "Appendix: methods, data and provenance",
    },
    "app_methods": {"nl": "Definities", "en": "Definitions"},
    "app_data": {"nl": "Gegevens en herkomst", "en": "Data and provenance"},
    "app_data_intro": {
        "nl": "De invoerbestanden van dit rapport, met het aantal regels en de SHA-256-vingerafdruk van elk bestand. "
        "Wie dezelfde bestanden en instellingen gebruikt, krijgt dezelfde getallen.",
        "en": "The input files of this report, with their number of rows and the SHA-256 fingerprint of each file. "
        "The same files and settings give the same numbers.",
    },
    "app_in_memory": {
        "nl": "Het project is niet uit een map gelezen: de vingerafdrukken zijn genomen over de gecontroleerde tabellen (CSV).",
        "en": "The project was not read from a folder: the fingerprints are taken over the validated tables (CSV).",
    },
    "col_file": {"nl": "Bestand", "en": "File"},
    "col_rows": {"nl": "Regels", "en": "Rows"},
    "col_bytes": {"nl": "Bytes", "en": "Bytes"},
    "col_sha": {"nl": "SHA-256", "en": "SHA-256"},
    "app_hash": {
        "nl": "Vingerafdruk van alle invoer samen (SHA-256)",
        "en": "Fingerprint of all input together (SHA-256)",
    },
    "app_hash_how": {
        "nl": "SHA-256 van de uitvoer van sha256sum over de bestanden, gesorteerd op naam.",
        "en": "SHA-256 of the output of sha256sum over the files, sorted by name.",
    },
    "app_evidence": {
        "nl": "Herkomst van de relaties (evidence)",
        "en": "Where the ties come from (evidence)",
    },
    "col_evidence": {"nl": "Bron", "en": "Source"},
    "col_ties": {"nl": "Relaties", "en": "Ties"},
    "app_settings": {"nl": "Instellingen", "en": "Settings"},
    "set_version": {"nl": "wijknet-versie", "en": "wijknet version"},
    "set_python": {"nl": "Python", "en": "Python"},
    "set_seed": {"nl": "Toevalsgetal (seed)", "en": "Random seed"},
    "set_permutations": {
        "nl": "Permutaties (E-I-toets, QAP)",
        "en": "Permutations (E-I test, QAP)",
    },
    "set_layout_seed": {"nl": "Seed van de kaart", "en": "Seed of the map"},
    "set_filters": {"nl": "Filters op relaties", "en": "Filters on ties"},
    "set_filters_none": {"nl": "geen (alle relaties)", "en": "none (all ties)"},
    "set_generated": {"nl": "Datum", "en": "Date"},
    "app_reproduce": {"nl": "Opnieuw maken", "en": "Reproduce"},
    "app_references": {"nl": "Literatuur", "en": "References"},
    "def_graph": {
        "nl": "Netwerk: per wijk en meting één gericht netwerk; een relatie loopt van wie hem noemde naar de ander. "
        "Elke actor van de wijk die in die meting meedoet, telt mee, ook zonder relaties. Meerdere relaties "
        "tussen hetzelfde paar (verschillende soorten) tellen als één, met de grootste sterkte.",
        "en": "Network: one directed network per wijk and wave; a tie runs from who named it to the other. Every "
        "actor of the wijk taking part in that wave counts, also without ties. Several ties between the same "
        "pair (different types) count as one, with the largest strength.",
    },
    "def_density": {
        "nl": "Dichtheid: L / (N(N−1)), met L relaties en N actoren (Wasserman & Faust 1994; sna::gden).",
        "en": "Density: L / (N(N−1)), with L ties and N actors (Wasserman & Faust 1994; sna::gden).",
    },
    "def_reciprocity": {
        "nl": "Wederkerigheid: deel van de relaties dat beantwoord wordt (edgewise; sna::grecip).",
        "en": "Reciprocity: share of ties that are reciprocated (edgewise; sna::grecip).",
    },
    "def_components": {
        "nl": "Losse delen: zwakke componenten, actoren zonder relaties meegeteld.",
        "en": "Separate parts: weak components, isolates counted.",
    },
    "def_transitivity": {
        "nl": "Geslotenheid: deel van de tweestapspaden i→j→k dat gesloten is door i→k (sna::gtrans, weak).",
        "en": "Closure: share of two-paths i→j→k closed by i→k (sna::gtrans, weak).",
    },
    "def_cross": {
        "nl": "Domeinoverstijgende relaties: deel van de relaties tussen actoren van verschillende domeinen.",
        "en": "Domain-crossing ties: share of ties between actors of different domains.",
    },
    "def_ei": {
        "nl": "E-I-index: (E − I) / (E + I), met E relaties tussen en I binnen domeinen (Krackhardt & Stern 1988). "
        "De toevalswaarde is die van het volledige netwerk met dezelfde domeingroottes; de p-waarde komt uit "
        "een tweezijdige permutatietoets (willekeurig herverdeelde domeinen), (1 + #minstens zo extreem) / "
        "(1 + permutaties). Per domein: I telt relaties binnen het domein, E relaties met één eind erbuiten.",
        "en": "E-I index: (E − I) / (E + I), with E ties between and I within domains (Krackhardt & Stern 1988). "
        "The chance value is that of the complete network with the same domain sizes; the p-value comes from "
        "a two-sided permutation test (domains reshuffled), (1 + #as extreme) / (1 + permutations). Per "
        "domain: I counts ties within the domain, E ties with one end outside.",
    },
    "def_assortativity": {
        "nl": "Voorkeur voor eigen domein: Newmans nominale assortativiteit r (Newman 2003).",
        "en": "Preference for own domain: Newman's nominal assortativity r (Newman 2003).",
    },
    "def_betweenness": {
        "nl": "Brugfunctie (betweenness): som over paren van het deel van de kortste paden via de actor, gedeeld "
        "door (N−1)(N−2) (Freeman 1977; Brandes 2001).",
        "en": "Betweenness: sum over pairs of the share of shortest paths through the actor, divided by "
        "(N−1)(N−2) (Freeman 1977; Brandes 2001).",
    },
    "def_brokerage": {
        "nl": "Makelaarsrollen: open tweestapspaden i→v→k (zonder i→k) naar de domeinen van i, v en k: "
        "coördinator, tussenpersoon, vertegenwoordiger, poortwachter, verbindingsofficier (Gould & Fernandez "
        "1989; gelijk aan sna::brokerage). Verbinders zijn gerangschikt op het totaal, dan op brugfunctie.",
        "en": "Brokerage roles: open two-paths i→v→k (no i→k) by the domains of i, v and k: coordinator, itinerant, "
        "representative, gatekeeper, liaison (Gould & Fernandez 1989; equal to sna::brokerage). Connectors are "
        "ranked by the total, then by betweenness.",
    },
    "def_bridge": {
        "nl": "Kwetsbare brug: een scharnierpunt (articulation point); zonder deze actor valt zijn component uiteen "
        "(Hopcroft & Tarjan 1973).",
        "en": "Fragile bridge: an articulation point; without this actor its component falls apart (Hopcroft & "
        "Tarjan 1973).",
    },
    "def_change": {
        "nl": "Verandering: relaties over alle actoren van beide metingen, paar voor paar: gebleven, nieuw, "
        "verdwenen (relaties van nieuwkomers zijn nieuw, van vertrokken actoren verdwenen; zo telt ook de app); "
        "apart genoemd: alleen actoren die beide jaren meededen. Jaccard = gebleven / (gebleven + nieuw + "
        "verdwenen) (Snijders e.a. 2010). QAP-correlatie: Pearsons r van de twee netwerken van de actoren van "
        "beide metingen met een permutatietoets (Krackhardt 1987).",
        "en": "Change: ties over all actors of both waves, pair by pair: kept, new, lost (ties of newcomers are "
        "new, of leavers lost; the app counts the same way); named separately: only actors who took part in "
        "both years. Jaccard = kept / (kept + new + lost) (Snijders et al. 2010). QAP correlation: Pearson's r "
        "of the two networks of the actors of both waves with a permutation test (Krackhardt 1987).",
    },
    "def_kpi": {
        "nl": "KPI 3: aandeel antwoorden 4 of 5 (van 1-5) onder actieve deelnemers die de vraag beantwoordden; "
        '"weet niet" en leeg tellen niet. 95%-marge volgens Wilson (1927). Oordeel op het gemeten aandeel '
        "tegen de band van het jaar.",
        "en": 'KPI 3: share of answers 4 or 5 (of 1-5) among active participants who answered; "don\'t know" and '
        "empty do not count. 95% interval by Wilson (1927). Judgement on the measured share against the "
        "year's band.",
    },
    "def_response": {
        "nl": "Respons: ingevulde enquêtes (responses.csv) gedeeld door de actoren die in die meting meedoen. "
        '"Noemden relaties": actoren met minstens één genoemde relatie.',
        "en": "Response rate: survey responses (responses.csv) divided by the actors taking part in that wave. "
        '"Named ties": actors who named at least one tie.',
    },
    "def_map": {
        "nl": "Kaart: vaste posities per wijk over alle metingen (domeinen als schijven op een ring, binnen een "
        "schijf een krachtengebaseerde indeling met seed 0), zodat actoren in elke meting op dezelfde plek staan.",
        "en": "Map: fixed positions per wijk over all waves (domains as discs on a ring, a force-directed layout "
        "within each disc, seed 0), so actors keep their place in every wave.",
    },
    # --- feedback profiles --------------------------------------------------------------------
    "fb_title": {"nl": "Uw plek in het wijknetwerk", "en": "Your place in the wijk network"},
    "fb_sub": {"nl": "{name} · {wijk}, meting {wave}", "en": "{name} · {wijk}, wave {wave}"},
    "fb_intro": {
        "nl": "Dank voor uw deelname aan de netwerkmeting. Dit overzicht laat zien waar u staat in het netwerk van "
        "{wijk}. Hoe anderen de samenwerking met u beoordelen, staat er alleen als gemiddelde van minstens "
        "{k} mensen in: niemand kan zien wie wat heeft gezegd.",
        "en": "Thank you for taking part in the network survey. This overview shows where you stand in the network "
        "of {wijk}. How others rate working with you is shown only as an average of at least {k} people: no "
        "one can see who said what.",
    },
    "fb_place": {"nl": "Uw plek in het netwerk", "en": "Your place in the network"},
    "fb_partners": {
        "nl": "U werkt samen met {n} partners in {d} domein(en). Een gemiddelde actor in de wijk heeft er {median}.",
        "en": "You work with {n} partners in {d} domain(s). A typical actor in the wijk has {median}.",
    },
    "fb_partners_own": {
        "nl": "U noemde zelf {n} partners in {d} domein(en). Een gemiddelde actor in de wijk heeft {median} partners.",
        "en": "You named {n} partners yourself, in {d} domain(s). A typical actor in the wijk has {median} partners.",
    },
    "fb_partners_previous": {
        "nl": "In meting {wave} waren dat er {n}.",
        "en": "In wave {wave} there were {n}.",
    },
    "fb_connector": {
        "nl": "U bent een van de belangrijkste verbinders van de wijk: via u komen mensen uit verschillende "
        "domeinen met elkaar in contact.",
        "en": "You are one of the main connectors of the wijk: through you, people from different domains get "
        "in touch.",
    },
    "fb_broker": {
        "nl": "U verbindt soms anderen die zelf geen contact hebben ({n} keer in een verbindende rol).",
        "en": "You sometimes connect others who have no contact themselves ({n} times in a brokerage role).",
    },
    "fb_no_broker": {
        "nl": "U verbindt (nog) geen anderen die zelf geen contact hebben.",
        "en": "You do not (yet) connect others who have no contact themselves.",
    },
    "fb_bridge": {
        "nl": "U bent een kwetsbare brug: zonder u raakt een deel van het netwerk los van de rest. Het helpt als "
        "ook anderen contact leggen met dat deel.",
        "en": "You are a fragile bridge: without you, part of the network is cut off from the rest. It helps if "
        "others also connect with that part.",
    },
    "fb_by_domain": {"nl": "Uw relaties per domein", "en": "Your ties per domain"},
    "fb_col_named": {"nl": "Door u genoemd", "en": "Named by you"},
    "fb_col_named_by": {"nl": "Noemden u", "en": "Named you"},
    "fb_others": {
        "nl": "Hoe anderen de samenwerking zien",
        "en": "How others see the collaboration",
    },
    "fb_named_by": {
        "nl": "{n} anderen noemden u als samenwerkingspartner.",
        "en": "{n} others named you as a partner.",
    },
    "fb_weight": {
        "nl": "Gemiddelde sterkte van die relaties volgens hen: {mean} (op de schaal van de vragenlijst; hoger is sterker).",
        "en": "Average strength of those ties according to them: {mean} (on the survey's scale; higher is stronger).",
    },
    "fb_suppressed": {
        "nl": "Minder dan {k} anderen noemden u; om hen te beschermen tonen we hier geen aantallen of oordelen.",
        "en": "Fewer than {k} others named you; to protect them we show no counts or ratings here.",
    },
    "fb_cell_suppressed": {"nl": "< {k}", "en": "< {k}"},
    "fb_note": {
        "nl": "Aantallen en gemiddelden die op de antwoorden van minder dan {k} anderen rusten, worden niet getoond. "
        "Relaties zijn per paar geteld; bij meerdere soorten relaties telt de sterkste.",
        "en": "Counts and averages resting on the answers of fewer than {k} others are not shown. Ties are counted "
        "per pair; with several types of tie the strongest counts.",
    },
    "footer": {
        "nl": "wijknet {version} · gegevens {hash}",
        "en": "wijknet {version} · data {hash}",
    },
}

#: The references of the methods appendix (docs/methods.md).
REFERENCES = (
    "Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of Mathematical Sociology, 25, 163-177.",
    "Freeman, L. C. (1977). A set of measures of centrality based on betweenness. Sociometry, 40, 35-41.",
    (
        "Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation: a formal approach to brokerage in "
        "transaction networks. Sociological Methodology, 19, 89-126."
    ),
    (
        "Hopcroft, J., & Tarjan, R. (1973). Efficient algorithms for graph manipulation. Communications of the ACM, "
        "16, 372-378."
    ),
    "Krackhardt, D. (1987). QAP partialling as a test of spuriousness. Social Networks, 9(2), 171-186.",
    (
        "Krackhardt, D., & Stern, R. N. (1988). Informal networks and organizational crises. Social Psychology "
        "Quarterly, 51(2), 123-140."
    ),
    "Newman, M. E. J. (2003). Mixing patterns in networks. Physical Review E, 67, 026126.",
    (
        "Snijders, T. A. B., van de Bunt, G. G., & Steglich, C. E. G. (2010). Introduction to stochastic actor-based "
        "models for network dynamics. Social Networks, 32(1), 44-60."
    ),
    "Wasserman, S., & Faust, K. (1994). Social Network Analysis: Methods and Applications. Cambridge University Press.",
    (
        "Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference. Journal of the "
        "American Statistical Association, 22(158), 209-212."
    ),
)

DEFINITIONS = ("def_graph", "def_density", "def_reciprocity", "def_components", "def_transitivity", "def_cross",
               "def_ei", "def_assortativity", "def_betweenness", "def_brokerage", "def_bridge", "def_change",
               "def_kpi", "def_response", "def_map")  # fmt: skip


# --- words ---
#: The same report texts in words for a PlusWIJkteam and a leernetwerk (``plain`` of
#: :func:`wijknet.core.i18n.text`): no method names, no p-values, no formulas.
PLAIN = {
    "tile_ei": {
        "nl": "verhouding binnen/buiten eigen domein (−1 eigen domein, +1 andere domeinen)",
        "en": "balance within/outside own domain (−1 own domain, +1 other domains)",
    },
    "col_ei": {"nl": "Binnen/buiten", "en": "Within/outside"},
    "trend_ei": {
        "nl": "Binnen of buiten het eigen domein",
        "en": "Within or outside the own domain",
    },
    "col_jaccard": {"nl": "Stabiliteit", "en": "Stability"},
    "trends_intro": {
        "nl": "Het aandeel relaties tussen domeinen en de verhouding tussen banden binnen en buiten het eigen "
        "domein per meting. Een stijgende lijn betekent dat de wijk meer domeinoverstijgend samenwerkt.",
        "en": "The share of ties between domains and the balance of ties within and outside the own domain per "
        "wave. A rising line means the wijk works more across domains.",
    },
    "m_ei_p_expl": {
        "nl": "Of de domeinen duidelijk meer of minder mengen dan wanneer relaties willekeurig verdeeld waren.",
        "en": "Whether the domains mix clearly more or less than if ties were spread at random.",
    },
    "set_permutations": {
        "nl": "Herhalingen van de vergelijking met toeval",
        "en": "Repeats of the comparison with chance",
    },
    "def_density": {
        "nl": "Dichtheid: het deel van alle mogelijke relaties tussen de actoren dat bestaat.",
        "en": "Density: the share of all possible ties between the actors that exists.",
    },
    "def_reciprocity": {
        "nl": "Wederkerigheid: het deel van de relaties dat beide partijen noemen.",
        "en": "Reciprocity: the share of ties that both sides name.",
    },
    "def_components": {
        "nl": "Losse delen: groepjes actoren die niet met de rest verbonden zijn; wie geen relaties heeft, telt "
        "als een eigen deel.",
        "en": "Separate parts: groups of actors not connected to the rest; an actor without ties is a part of its own.",
    },
    "def_transitivity": {
        "nl": "Geslotenheid: hoe vaak twee partners van dezelfde actor ook zelf samenwerken.",
        "en": "Closure: how often two partners of the same actor also work together themselves.",
    },
    "def_ei": {
        "nl": "Verhouding tussen banden binnen en buiten het eigen domein: van −1 (alle relaties binnen het eigen "
        "domein) tot +1 (alle met andere domeinen), vergeleken met wat je zou verwachten als relaties "
        "willekeurig over de domeinen verdeeld waren.",
        "en": "Balance of ties within and outside the own domain: from −1 (all ties within the own domain) to +1 "
        "(all with other domains), compared with what you would expect if ties were spread over the domains "
        "at random.",
    },
    "def_assortativity": {
        "nl": "Voorkeur voor eigen domein: hoe sterk actoren vooral met hun eigen domein samenwerken (0: geen "
        "voorkeur).",
        "en": "Preference for own domain: how strongly actors work mostly with their own domain (0: none).",
    },
    "def_betweenness": {
        "nl": "Brugfunctie: hoe vaak de kortste weg tussen twee anderen via deze actor loopt.",
        "en": "Bridging: how often the shortest way between two others runs through this actor.",
    },
    "def_brokerage": {
        "nl": "Makelaarsrollen: hoe vaak een actor twee anderen verbindt die zelf geen relatie hebben, naar hun "
        "domeinen. Verbinders hebben de meeste van zulke rollen.",
        "en": "Brokerage roles: how often an actor links two others who have no tie themselves, by their "
        "domains. Connectors have the most such roles.",
    },
    "def_bridge": {
        "nl": "Kwetsbare brug: een actor zonder wie een deel van het netwerk los komt te liggen.",
        "en": "Fragile bridge: an actor without whom part of the network comes loose.",
    },
    "def_change": {
        "nl": "Verandering: relaties over alle actoren van beide metingen, paar voor paar: gebleven, nieuw, "
        "verdwenen (zo telt ook de app). Stabiliteit: het deel van alle relaties dat in beide metingen bestaat.",
        "en": "Change: ties over all actors of both waves, pair by pair: kept, new, lost (the app counts the same "
        "way). Stability: the share of all ties that exist in both waves.",
    },
    "def_kpi": {
        "nl": 'KPI 3: het deel van de actieve deelnemers dat 4 of 5 (van 1-5) antwoordde; "weet niet" en leeg '
        "tellen niet. De marge laat zien waar het echte aandeel waarschijnlijk ligt.",
        "en": 'KPI 3: the share of active participants who answered 4 or 5 (of 1-5); "don\'t know" and empty do '
        "not count. The margin shows where the true share probably lies.",
    },
}
for _key, _plain in PLAIN.items():
    TEXTS[_key] = {**TEXTS[_key], "plain": _plain}
