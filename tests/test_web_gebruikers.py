"""The web for a team: each user signs in with their own password and the steps record that
name (never a typed one); sign-in slows down per name and per address with one answer for every
failure; sessions live in the register, so logout and user changes end them; only the server's
own names are answered; no input gives HTTP 500."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from starlette.testclient import TestClient

import contracten

from .conftest import REGIOS
from .webhulp import app_voor, csrf, versie, werkmap

POE = "assen/2026/programma-van-eisen.docx"
T = dt.datetime(2026, 12, 1, 9, 30)
JURIST, WACHTWOORD = "mr. J. Jansen", "paarse olifant danst op zolder"


@pytest.fixture(scope="module")
def map_(tmp_path_factory) -> tuple[Path, Path]:
    return werkmap(tmp_path_factory.mktemp("webgebruikers"))


class Teller:
    """The back-off's clock, moved by hand (no test reads the real one)."""

    def __init__(self) -> None:
        self.nu = 1000.0

    def __call__(self) -> float:
        return self.nu


@pytest.fixture
def team(map_, tmp_path):
    regios, uitvoer = map_
    db = tmp_path / "r.sqlite"
    contracten.voeg_gebruiker_toe(JURIST, "jurist", wachtwoord=WACHTWOORD, tijdstip=T,
                                  database=db)
    contracten.voeg_gebruiker_toe("K. de Boer", "contractmanager", tijdstip=T, database=db)
    teller = Teller()
    app = app_voor(regios, uitvoer, db, door="iemand anders", teller=teller)
    return TestClient(app), db, teller


def _inloggen(client, naam=JURIST, wachtwoord=WACHTWOORD, **extra):
    token = csrf(client.get("/inloggen").text)
    return client.post("/inloggen", data={"csrf": token, "naam": naam,
                                          "wachtwoord": wachtwoord, **extra},
                       follow_redirects=False)


def test_met_gebruikers_legt_het_web_de_ingelogde_gebruiker_vast(team):
    client, _, _ = team
    assert client.get("/regio/assen", follow_redirects=False).headers["location"] \
        == "/inloggen"  # --door no longer acts for anyone
    assert 'name="wachtwoord"' in client.get("/inloggen").text
    assert _inloggen(client).status_code == 303
    pagina = client.get("/regio/assen/goedkeuring")
    assert "Ingelogd als mr. J. Jansen" in pagina.text
    client.post("/regio/assen/stap", data={"csrf": csrf(pagina.text), "pad": POE,
                                           "sha256": versie(pagina.text, POE),
                                           "stap": "juridisch_akkoord", "door": "P. Typ"})
    assert "<td>mr. J. Jansen</td>" in client.get(f"/regio/assen/geschiedenis?pad={POE}").text
    # a jurist may not make it definitief: refused, with the reason, nothing recorded
    geweigerd = client.post("/regio/assen/stap", data={
        "csrf": csrf(pagina.text), "pad": POE, "sha256": versie(pagina.text, POE),
        "stap": "definitief"})
    assert geweigerd.status_code == 400 and "mag in deze regio alleen" in geweigerd.text


def test_een_gebruiker_zonder_wachtwoord_kan_niet_inloggen(team):
    client, _, _ = team
    antwoord = _inloggen(client, "K. de Boer", "")
    assert antwoord.status_code == 401 and "Naam of wachtwoord klopt niet." in antwoord.text


def test_uitloggen_en_wijzigingen_beeindigen_de_sessie(team):
    client, db, _ = team
    _inloggen(client)
    bewaard = dict(client.cookies)
    pagina = client.get("/")
    client.post("/uitloggen", data={"csrf": csrf(pagina.text)})
    client.cookies.clear()
    client.cookies.update(bewaard)  # the cookie saved before logout
    assert client.get("/", follow_redirects=False).status_code == 303
    for wijziging in (lambda: contracten.wijzig_rol(JURIST, "inkoper", tijdstip=T, database=db),
                      lambda: contracten.zet_wachtwoord(JURIST, WACHTWOORD, tijdstip=T,
                                                        database=db),
                      lambda: contracten.schakel_gebruiker_uit(JURIST, tijdstip=T,
                                                               database=db)):
        _inloggen(client)
        assert client.get("/", follow_redirects=False).status_code == 200
        wijziging()
        assert client.get("/", follow_redirects=False).status_code == 303
    assert _inloggen(client).status_code == 401  # disabled


def test_inloggen_vertraagt_per_naam_en_verraadt_niemand(team):
    client, _, teller = team
    antwoorden = [_inloggen(client, naam, "fout wachtwoord!") for naam in (JURIST, "niemand")
                  for _ in range(3)]
    assert {a.status_code for a in antwoorden} == {401}
    assert len({a.text.replace(a.text.split('name="csrf" value="')[1][:43], "") for a in
                antwoorden}) == 1  # the same page, whether the user exists or not
    for naam in (JURIST, "niemand"):
        geweerd = _inloggen(client, naam, WACHTWOORD)  # even the right password waits
        assert geweerd.status_code == 429 and "Probeer het over 1 seconden opnieuw" in geweerd.text
    teller.nu += 1
    _inloggen(client, JURIST, "nog steeds fout!")
    assert "over 2 seconden" in _inloggen(client).text  # twice as long
    teller.nu += 2
    assert _inloggen(client).status_code == 303


def test_inloggen_vertraagt_per_adres(team):
    client, _, _ = team
    for i in range(10):
        assert _inloggen(client, f"naam {i}", "fout wachtwoord!").status_code == 401
    assert _inloggen(client).status_code == 429


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "localhost.evil"])
def test_een_vreemde_host_krijgt_400(team, host):
    client, _, _ = team
    antwoord = client.get("/inloggen", headers={"host": host}, follow_redirects=False)
    assert antwoord.status_code == 400 and "evil" not in antwoord.headers.get("location", "")
    assert client.get("/inloggen", headers={"host": "localhost:8000"}).status_code == 200


def test_het_sessiekoekje(team, map_, tmp_path):
    client, _, _ = team
    koekje = _inloggen(client).headers["set-cookie"].lower()
    assert "httponly" in koekje and "samesite=strict" in koekje and "secure" not in koekje
    regios, uitvoer = map_
    tls = TestClient(app_voor(regios, uitvoer, tmp_path / "t.sqlite", geheim="s3cret", tls=True),
                     base_url="https://testserver")
    token = csrf(tls.get("/inloggen").text)
    antwoord = tls.post("/inloggen", data={"csrf": token, "naam": "P", "geheim": "s3cret"},
                        follow_redirects=False)
    assert "; secure" in antwoord.headers["set-cookie"].lower()


@pytest.mark.parametrize("velden", [
    {"naam": JURIST, "wachtwoord": "wachtwoörd€漢字🙂 met niet-ASCII"},
    {"naam": "ñ" * 5000, "wachtwoord": "x" * 100_000},
    {"naam": "\x00\x1b[31m", "wachtwoord": "\u202e\ufeff\x00"},
    {"naam": "", "wachtwoord": ""},
    {"naam": ["a", "b"], "wachtwoord": ["c", "d"]},
])
def test_vreemde_invoer_geeft_nooit_500(team, velden):
    client, _, _ = team
    token = csrf(client.get("/inloggen").text)
    antwoord = client.post("/inloggen", data={"csrf": token, **velden})
    assert antwoord.status_code in (401, 429)
    for data in ({"csrf": "€ü"}, {"csrf": token + "é"}, {}):
        assert client.post("/inloggen", data=data).status_code == 403
    onleesbaar = client.post("/inloggen", content=f"csrf={token}&naam=%ff%fe&wachtwoord=%ed%a0%80"
                             .encode(), headers={"content-type":
                                                 "application/x-www-form-urlencoded"})
    assert onleesbaar.status_code in (401, 429)
    assert client.post("/inloggen", content=b"\xff\xfe\x00garbage",
                       headers={"content-type": "multipart/form-data; boundary=x"}
                       ).status_code < 500


def test_gedeeld_wachtwoord_met_niet_ascii_en_uitloggen(map_, tmp_path):
    """Without users, the shared secret and a typed name work as before, but the session is
    in the register too: a cookie saved before logout no longer works."""
    regios, uitvoer = map_
    client = TestClient(app_voor(regios, uitvoer, tmp_path / "r.sqlite", geheim="s3cret"))
    token = csrf(client.get("/inloggen").text)
    fout = client.post("/inloggen", data={"csrf": token, "naam": "P", "geheim": "gehéim€"})
    assert fout.status_code == 401
    client.post("/inloggen", data={"csrf": token, "naam": "P. Pieters", "geheim": "s3cret"})
    bewaard = dict(client.cookies)
    client.post("/uitloggen", data={"csrf": csrf(client.get("/").text)})
    client.cookies.update(bewaard)
    assert client.get("/", follow_redirects=False).status_code == 303


def test_de_opdrachtregel_start_de_server_met_namen_en_tls(monkeypatch, tmp_path):
    from .conftest import voer_uit

    gestart = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **opties: gestart.update(
        app=app, **opties))
    monkeypatch.setenv("CONTRACTEN_WEB_GEHEIM", "s3cret")
    db = str(tmp_path / "r.sqlite")
    assert voer_uit("web", "--host", "0.0.0.0", "--database", db).code == 2  # which name?
    assert voer_uit("web", "--tls-cert", __file__, "--database", db).code == 2  # no key
    uit = voer_uit("web", "--host", "0.0.0.0", "--naam", "contracten.gemeente.nl",
                   "--tls-cert", __file__, "--tls-key", __file__, "--database", db)
    assert uit.code == 0 and "https://contracten.gemeente.nl:8000/" in uit.stdout
    instellingen = gestart["app"].state.instellingen
    assert instellingen.hosts == ("contracten.gemeente.nl",) and instellingen.tls
    assert gestart["ssl_certfile"] == __file__ and gestart["ssl_keyfile"] == __file__
    uit = voer_uit("web", "--database", db)
    assert gestart["app"].state.instellingen.hosts == ("127.0.0.1", "localhost", "::1")
    monkeypatch.delenv("CONTRACTEN_WEB_GEHEIM")
    contracten.voeg_gebruiker_toe(JURIST, "jurist", wachtwoord=WACHTWOORD, tijdstip=T,
                                  database=db)
    uit = voer_uit("web", "--host", "192.0.2.7", "--database", db)  # users: no shared secret
    assert uit.code == 0 and "onversleuteld" in uit.stderr
    assert gestart["app"].state.instellingen.hosts == ("192.0.2.7",)
    assert gestart["proxy_headers"] is False  # no forwarded headers believed without --proxy


def test_achter_een_reverse_proxy(monkeypatch, tmp_path):
    """Behind a proxy that handles https: the visitor's address (for the sign-in back-off) and
    https come from the proxy's forwarded headers, from that address only; the cookie is
    Secure; everyone signs in, also when the server itself listens on this computer."""
    from .conftest import voer_uit

    gestart = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **opties: gestart.update(
        app=app, **opties))
    db = str(tmp_path / "r.sqlite")
    basis = ("web", "--naam", "contracten.gemeente.nl", "--database", db)
    zonder = voer_uit(*basis, "--proxy", "127.0.0.1", "--door", "P")
    assert zonder.code == 1 and "Achter een proxy moet iedereen inloggen" in zonder.stderr
    assert voer_uit(*basis, "--proxy", "*").code == 2  # never every address
    contracten.voeg_gebruiker_toe(JURIST, "jurist", wachtwoord=WACHTWOORD, tijdstip=T,
                                  database=db)
    uit = voer_uit(*basis, "--proxy", "127.0.0.1")
    assert uit.code == 0, uit.stderr
    assert (gestart["proxy_headers"], gestart["forwarded_allow_ips"]) == (True, "127.0.0.1")
    instellingen = gestart["app"].state.instellingen
    assert instellingen.tls and "contracten.gemeente.nl" in instellingen.hosts


def test_een_wachtwoord_in_de_database_url_wordt_nooit_getoond():
    url = "postgresql+psycopg://jan:geheim1@db.example/register?password=geheim2&sslmode=require"
    getoond = contracten.verberg_wachtwoord(url)
    assert "geheim1" not in getoond and "geheim2" not in getoond
    assert getoond == ("postgresql+psycopg://jan:***@db.example/register?sslmode=require"
                       "&password=***")
    with pytest.raises(contracten.ContractenFout) as fout:
        contracten.status(contracten.laad_regio(REGIOS, "assen"), tijdstip=T,
                          database="postgresql+psycopg://jan@127.0.0.1:1/x?password=geheim3"
                          "&connect_timeout=1")
    assert "geheim3" not in str(fout.value) and "password=***" in str(fout.value)
