"""contracten: documenten voor Wmo-contracten uit regioprofielen."""

from contracten.fouten import ContractenFout, InvoerFout, Melding
from contracten.profiel.laden import laad_regio, vind_regios
from contracten.profiel.model import Profiel

__all__ = ["ContractenFout", "InvoerFout", "Melding", "Profiel", "laad_regio", "vind_regios"]
