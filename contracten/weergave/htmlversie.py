"""The HTML version of a document, made from its Markdown twin: safe to open in any browser."""

from __future__ import annotations

import html

# A generated page runs nothing and loads nothing: only its own inline style.
CSP = ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
       'style-src \'unsafe-inline\'">')


def veilig_html(fragment: str) -> str:
    """HTML from text that came in: no scripts, no event handlers, links only http(s)/mailto."""
    import nh3

    return str(nh3.clean(fragment, url_schemes={"http", "https", "mailto"},
                         link_rel="noopener noreferrer"))


def markdown_als_html(md: str) -> str:
    """Markdown (with tables, lists as they are written) as HTML, made safe (`veilig_html`).
    The extensions are given as objects: named, Markdown first looks them up among the entry
    points of every installed package (some 25 ms, once per process)."""
    import markdown
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.tables import TableExtension

    return veilig_html(markdown.markdown(md, extensions=[TableExtension(), SaneListExtension()]))


def naar_html(md: str, titel: str) -> str:
    lichaam = markdown_als_html(md)
    return (
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"{CSP}\n"
        f"<title>{html.escape(titel)}</title>\n"
        "<style>body{font-family:Arial,sans-serif;max-width:52em;margin:2em auto;"
        "line-height:1.4}table{border-collapse:collapse}td,th{border:1px solid #999;"
        "padding:.3em;vertical-align:top}</style>\n</head>\n<body>\n"
        f"{lichaam}\n</body>\n</html>\n")
