"""contracten: documenten voor Wmo-contracten uit regioprofielen."""

from .fouten import ContractenFout, InvoerFout, Melding
from .laden import laad_regio, vind_regios
from .profiel import Profiel

__all__ = ["ContractenFout", "InvoerFout", "Melding", "Profiel", "laad_regio", "vind_regios"]
