"""User-facing texts of the app, Dutch first, English second.

Plain language for PlusWIJkteams: every measure is explained in one sentence
without jargon. Look texts up with :func:`t` (the language is the one chosen
in the sidebar).
"""

from __future__ import annotations

from ..i18n import text

TEXTS = {
    # --- app and sidebar -------------------------------------------------
    "app_title": {"nl": "wijknet: samenwerking in de wijk", "en": "wijknet: collaboration in the wijk"},
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
    "synthetic": {
        "nl": "Fictieve demodata: alle namen, organisaties en relaties zijn verzonnen.",
        "en": "Fictional demo data: all names, organisations and ties are invented.",
    },
    "load_error": {
        "nl": "Het project kon niet worden geladen. Pas de bestanden aan en laad de pagina opnieuw.",
        "en": "The project could not be loaded. Correct the files and reload the page.",
    },
    "no_data": {"nl": "Dit project bevat nog geen wijken.", "en": "This project has no wijken yet."},
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
    # --- metrics page ------------------------------------------------------
    "metrics_intro": {
        "nl": "Kengetallen van het hele wijknetwerk, per meting. Onder de tabel staat bij elk getal in één zin "
              "wat het betekent.",
        "en": "Key figures of the whole wijk network, per wave. Below the table, each figure is explained in "
              "one sentence.",
    },
    "metric": {"nl": "Kengetal", "en": "Measure"},
    "meaning": {"nl": "Wat betekent dit?", "en": "What does it mean?"},
    "m_actors": {"nl": "Actoren", "en": "Actors"},
    "m_actors_expl": {
        "nl": "Het aantal personen en organisaties in het wijknetwerk.",
        "en": "The number of people and organisations in the wijk network.",
    },
    "m_ties": {"nl": "Relaties", "en": "Ties"},
    "m_ties_expl": {
        "nl": "Het aantal genoemde samenwerkingsrelaties.",
        "en": "The number of collaboration ties that were named.",
    },
    "m_density": {"nl": "Dichtheid", "en": "Density"},
    "m_density_expl": {
        "nl": "Welk deel van alle mogelijke relaties er echt is: 0,05 betekent dat 5 van de 100 mogelijke "
              "contacten bestaan.",
        "en": "Which share of all possible ties actually exists: 0.05 means 5 in 100 possible contacts exist.",
    },
    "m_cross": {"nl": "Domeinoverstijgende relaties", "en": "Domain-crossing ties"},
    "m_cross_expl": {
        "nl": "Het deel van de relaties dat twee verschillende domeinen verbindt (bijvoorbeeld zorg en welzijn).",
        "en": "The share of ties that connect two different domains (for example care and welfare).",
    },
    "m_ei": {"nl": "E-I-index", "en": "E-I index"},
    "m_ei_expl": {
        "nl": "Van -1 (iedereen werkt alleen binnen het eigen domein) tot +1 (alleen met andere domeinen); "
              "de volgende regel geeft de waarde die bij toeval te verwachten is.",
        "en": "From -1 (everyone works only within their own domain) to +1 (only with other domains); the next "
              "row gives the value expected by chance.",
    },
    "m_ei_expected": {"nl": "E-I-index bij toeval", "en": "E-I index by chance"},
    "m_ei_expected_expl": {
        "nl": "De E-I-index als relaties willekeurig over de domeinen verdeeld zouden zijn; ligt de echte waarde "
              "lager, dan blijven domeinen meer op zichzelf dan toeval doet verwachten.",
        "en": "The E-I index if ties were spread over the domains at random; a lower real value means domains "
              "keep more to themselves than chance would suggest.",
    },
    "m_ei_p": {"nl": "Kans op toeval (p)", "en": "Chance of coincidence (p)"},
    "m_ei_p_expl": {
        "nl": "Hoe klein de kans is dat het verschil met de toevalswaarde alleen door toeval komt; onder 0,05 "
              "noemen we het verschil duidelijk.",
        "en": "How likely the difference from the chance value is pure coincidence; below 0.05 we call the "
              "difference clear.",
    },
    "m_reciprocity": {"nl": "Wederkerigheid", "en": "Reciprocity"},
    "m_reciprocity_expl": {
        "nl": "Het deel van de relaties dat beide partijen noemen: hoe vaker, hoe meer men elkaar over en weer kent.",
        "en": "The share of ties named by both sides: the higher, the more people know each other both ways.",
    },
    "m_components": {"nl": "Losse delen", "en": "Separate parts"},
    "m_components_expl": {
        "nl": "In hoeveel groepjes het netwerk uiteenvalt die onderling geen enkele verbinding hebben "
              "(een actor zonder relaties telt als eigen deel).",
        "en": "Into how many groups the network falls apart that have no connection at all with each other "
              "(an actor without ties counts as a part of its own).",
    },
    "m_isolates": {"nl": "Actoren zonder relaties", "en": "Actors without ties"},
    "m_isolates_expl": {
        "nl": "Personen of organisaties die in deze meting met niemand verbonden zijn.",
        "en": "People or organisations not connected to anyone in this wave.",
    },
    "m_transitivity": {"nl": "Geslotenheid", "en": "Closure (transitivity)"},
    "m_transitivity_expl": {
        "nl": "Hoe vaak twee partners van iemand ook zelf met elkaar samenwerken.",
        "en": "How often two partners of someone also work together themselves.",
    },
    "m_assortativity": {"nl": "Voorkeur voor eigen domein", "en": "Preference for own domain"},
    "m_assortativity_expl": {
        "nl": "Boven 0: men werkt vaker met het eigen domein dan bij toeval; onder 0: juist vaker met andere "
              "domeinen.",
        "en": "Above 0: people work with their own domain more often than by chance; below 0: more often with "
              "other domains.",
    },
    "metrics_chart": {"nl": "Domeinoverstijgende relaties per meting", "en": "Domain-crossing ties per wave"},
    "metrics_missing": {
        "nl": "De kengetallen zijn in deze versie nog niet beschikbaar.",
        "en": "The key figures are not available in this version yet.",
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
    "only_outside": {"nl": "Alleen actoren buiten het PlusWIJkteam", "en": "Only actors outside the PlusWIJkteam"},
    "col_name": {"nl": "Naam", "en": "Name"},
    "roles_title": {"nl": "Verbindende rollen per actor", "en": "Brokerage roles per actor"},
    "col_role": {"nl": "Rol", "en": "Role"},
    "col_domain": {"nl": "Domein", "en": "Domain"},
    "col_team": {"nl": "Team", "en": "Team"},
    "col_team_help": {"nl": "Lid van het PlusWIJkteam", "en": "Member of the PlusWIJkteam"},
    "col_degree": {"nl": "Relaties", "en": "Ties"},
    "col_degree_help": {"nl": "Aantal relaties, genoemd en ontvangen", "en": "Number of ties, sent and received"},
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
}


def t(key: str, **values) -> str:
    """The text ``key`` in the language chosen in the sidebar."""
    from .state import language

    return text(TEXTS, key, language(), **values)
