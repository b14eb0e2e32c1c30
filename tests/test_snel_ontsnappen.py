"""A prepared template escapes its output without making a Markup of every piece
(`vertaald.snel_ontsnapt`, issue 31): the text it gives is exactly Jinja's own, for every kind
of value and every place Jinja escapes (output, a `{% set %}` block, a macro and its caller, a
filter block, a loop)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from markupsafe import Markup

from contracten.weergave import vertaald
from contracten.weergave.sjabloon import OMGEVING

BRON = """<w:p>{{ a }}|{{ a ~ m }}|{{ m }}|{{ n }}|{{ d }}|{{ h }}|{{ sub }}|{{ p }}
{% set blok %}{{ a }}<x/>{{ m }}{% endset %}{{ blok }}|{{ blok|length }}
{% macro mac(x) %}[{{ x }}]{% endmacro %}{{ mac(a) }}{{ mac(m) }}
{% macro om(x) %}({{ x }}{{ caller() }}){% endmacro %}{% call om(m) %}{{ a }}{% endcall %}
{% filter upper %}{{ a }}{{ m }}{% endfilter %}
{% for r in rijen %}<r>{{ r }}{{ loop.index }}</r>{% else %}leeg{% endfor %}
{{ a|e }}{{ m|safe }}{{ "%s & %s"|format(a, m) }}{{ [a, m]|join(", ") }}</w:p>"""


class Html:
    def __html__(self) -> str:
        return "<b>al veilig</b>"


class Tekst(str):
    pass


class Markering(Markup):
    pass


WAARDEN = {
    "a": "Zorg & Welzijn 'De Brug' <B.V.> \"x\"",
    "m": Markup("<w:r>al &amp; XML</w:r>"),
    "n": 12,
    "d": Decimal("1480250.00"),
    "h": Html(),
    "sub": Tekst("<sub & str>"),
    "p": Markering("<markup-sub/>"),
    "rijen": ["<1>", Markup("<2/>"), 3],
}


def test_dezelfde_tekst_als_jinja_zelf():
    gewoon = OMGEVING.from_string(BRON)  # not prepared: MarkupSafe's escape
    snel = vertaald.vertaald(OMGEVING, BRON)
    assert snel.root_render_func.__globals__["escape"] is vertaald._ontsnapt
    assert gewoon.root_render_func.__globals__["escape"] is not vertaald._ontsnapt
    verwacht = "".join(gewoon.generate(WAARDEN))
    assert "".join(snel.generate(WAARDEN)) == verwacht
    assert snel.render(WAARDEN) == gewoon.render(WAARDEN) == verwacht
    assert "Zorg &amp; Welzijn &#39;De Brug&#39; &lt;B.V.&gt; &#34;x&#34;" in verwacht
    assert "<b>al veilig</b>" in verwacht and "&lt;sub &amp; str&gt;" in verwacht


@pytest.mark.parametrize("waarde", ["", "&<>'\"", "gewoon", Markup("<a>&amp;</a>"), 0, None,
                                    Decimal("-1.5"), Html(), Tekst("<t>"), Markering("<m>")])
def test_ontsnapt_is_escape_als_tekst(waarde):
    from markupsafe import escape

    assert str(vertaald._ontsnapt(waarde)) == str(escape(waarde))


def test_een_fout_in_het_sjabloon_blijft_dezelfde_fout():
    from jinja2 import UndefinedError

    snel = vertaald.vertaald(OMGEVING, "<w:p>{{ ontbreekt }}</w:p>")
    with pytest.raises(UndefinedError, match="ontbreekt"):
        snel.render({})
