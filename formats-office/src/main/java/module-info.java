/**
 * Office formats for Plantrack: plan importers for Word ({@code .docx}) and PDF with a text layer, found by
 * {@code PlanTracker.builder().installPlugins()} through core's {@link org.plantrack.core.importing.PlanImporter}
 * SPI, and the Excel 台账 ({@code xlsx}) through its {@link org.plantrack.core.spi.ReportRenderer} SPI. Each importer turns a document's bytes into 工作要点 text in the layout core's text importer reads (Word's automatic
 * numbering written out as {@code 一、}/{@code 1.}, page headers, footers and numbers dropped), within limits on
 * size, zip entries, expansion and time. Apache POI and Apache PDFBox live here, so that core stays
 * dependency-light.
 */
module org.plantrack.formats.office {
    requires org.plantrack.core;
    requires org.slf4j;
    requires org.apache.poi.poi;
    requires org.apache.poi.ooxml;
    requires org.apache.poi.ooxml.schemas;
    requires org.apache.xmlbeans;
    requires org.apache.pdfbox;
    requires org.apache.pdfbox.io;
    requires org.apache.fontbox;
    // PDFBox is an automatic module: it reads every module but makes none resolve, so the one it logs through
    // (commons-logging) must be required here or it is missing on the module path (NoClassDefFoundError: LogFactory)
    requires org.apache.commons.logging;

    exports org.plantrack.formats.office;

    provides org.plantrack.core.importing.PlanImporter with
            org.plantrack.formats.office.DocxPlanImporter,
            org.plantrack.formats.office.PdfPlanImporter,
            org.plantrack.formats.office.XlsxPlanImporter;
    provides org.plantrack.core.spi.ReportRenderer with
            org.plantrack.formats.office.XlsxLedgerRenderer,
            org.plantrack.formats.office.DocxReportRenderer;
}
