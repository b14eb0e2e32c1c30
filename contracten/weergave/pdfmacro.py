"""The Basic macro that converts a run's documents to PDF inside LibreOffice (see
weergave/pdf.py, and weergave/pdfprofiel.py for the profile it lives in)."""

from __future__ import annotations

# The PDF export's options: PDF/A-2b (SelectPdfVersion 2), tagged.
PDF_OPTIES = {"SelectPdfVersion": 2, "UseTaggedPDF": True}
# Writer keeps the formatted lines of 250 paragraphs, plus 100 for every open document. A
# contract has more (some 450, with the headers and footers of every page), so while its pdf is
# drawn page by page the first pages were forgotten and formatted again. Once the first
# document with a table of contents (a contract, a programma van eisen) is open, before its
# indexes are updated and its pdf is written, the macro opens this many empty hidden documents,
# which stay open until it ends: what is on every page is the same.
VOORAF = 8

# The macro: Omzetten(werk, aantal) converts werk/in/000000.docx … into werk/pdf/000000.pdf …;
# what fails is written to werk/fouten.txt (number, tab, LibreOffice's message), the rest goes on.
# Only the indexes are updated, never the other fields: a date field would show the day of the
# run, and the same input must give the same document. At the end it records the version of
# LibreOffice in the profile (see the module's text).
_MACRO = """Sub Omzetten(werk As String, aantal As Long)
    Dim laden(0) As New com.sun.star.beans.PropertyValue
    laden(0).Name = "Hidden" : laden(0).Value = True
    Dim opties(1) As New com.sun.star.beans.PropertyValue
    opties(0).Name = "SelectPdfVersion" : opties(0).Value = {versie}
    opties(1).Name = "UseTaggedPDF" : opties(1).Value = {tagged}
    Dim opslaan(1) As New com.sun.star.beans.PropertyValue
    opslaan(0).Name = "FilterName" : opslaan(0).Value = "writer_pdf_Export"
    opslaan(1).Name = "FilterData" : opslaan(1).Value = opties
    Dim fouten As Integer, i As Long, k As Long, ronde As Integer, naam As String
    Dim doc As Object, indexen As Object, leeg({vooraf}) As Object, geopend As Boolean
    fouten = FreeFile
    Open ConvertFromURL(werk & "/fouten.txt") For Output As #fouten
    For i = 0 To aantal - 1
        naam = Format(i, "000000")
        doc = Nothing
        On Error GoTo Fout
        doc = StarDesktop.loadComponentFromURL(werk & "/in/" & naam & ".docx", "_blank", 0, laden)
        indexen = doc.getDocumentIndexes()
        If indexen.getCount() > 0 Then
            If Not geopend Then
                geopend = True
                On Error Resume Next
                For k = 1 To {vooraf}
                    leeg(k) = StarDesktop.loadComponentFromURL("private:factory/swriter", _
                                                               "_blank", 0, laden)
                Next k
                On Error GoTo Fout
            End If
            For ronde = 1 To 2
                For k = 0 To indexen.getCount() - 1
                    indexen.getByIndex(k).update()
                Next k
            Next ronde
        End If
        doc.storeToURL(werk & "/pdf/" & naam & ".pdf", opslaan)
        GoTo Sluiten
Fout:
        Print #fouten, naam & Chr(9) & Error$
        Resume Sluiten
Sluiten:
        On Error Resume Next
        If Not IsNull(doc) Then doc.close(True)
        On Error GoTo 0
    Next i
    Close #fouten
    On Error Resume Next
    For k = 1 To {vooraf}
        If Not IsNull(leeg(k)) Then leeg(k).close(True)
    Next k
    Dim pad(0) As New com.sun.star.beans.PropertyValue
    pad(0).Name = "nodepath" : pad(0).Value = "/org.openoffice.Setup/Product"
    Dim product As Object
    product = createUnoService("com.sun.star.configuration.ConfigurationProvider") _
        .createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess", pad())
    If product.ooSetupLastVersion <> product.ooSetupVersion Then
        product.replaceByName("ooSetupLastVersion", product.ooSetupVersion)
        product.commitChanges()
    End If
    On Error GoTo 0
    StarDesktop.terminate()
End Sub
"""


def macro() -> str:
    return _MACRO.format(versie=PDF_OPTIES["SelectPdfVersion"], vooraf=VOORAF,
                         tagged="True" if PDF_OPTIES["UseTaggedPDF"] else "False")
