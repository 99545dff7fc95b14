package org.hcpgate.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/**
 * Real PDFs (written with PDFBox) for the upload tests: a scanned licence is one page
 * with a dark card on it; the hostile ones add what a byte search misses.
 */
public final class TestPdfs {

	/** What the hostile documents' script says: it must be found nowhere after intake. */
	public static final String SCRIPT = "app.alert('hcp-gate')";

	private TestPdfs() {
	}

	/** A one-page licence scan (A6, a dark card in the middle). */
	public static byte[] licence() {
		return write(document(false), CompressParameters.DEFAULT_COMPRESSION);
	}

	/**
	 * A licence with a script that runs on opening, an embedded file, a second page, and
	 * its script's name written with an escape ({@code /J#61vaScript}) in the bytes.
	 */
	public static byte[] hostile() {
		byte[] pdf = write(document(true), CompressParameters.NO_COMPRESSION);
		String text = new String(pdf, StandardCharsets.ISO_8859_1).replace("/JavaScript", "/J#61vaScript");
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	/** The same, with its objects hidden in compressed object streams. */
	public static byte[] hostileInObjectStreams() {
		return write(document(true), CompressParameters.DEFAULT_COMPRESSION);
	}

	private static PDDocument document(boolean hostile) {
		PDDocument document = new PDDocument();
		try {
			PDPage page = new PDPage(PDRectangle.A6);
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.setNonStrokingColor(0.1f, 0.2f, 0.5f);
				content.addRect(40, 60, 220, 140);
				content.fill();
			}
			if (hostile) {
				document.addPage(new PDPage(PDRectangle.A6));
				document.getDocumentCatalog().setOpenAction(new PDActionJavaScript(SCRIPT));
				PDEmbeddedFile file = new PDEmbeddedFile(document,
						new java.io.ByteArrayInputStream("MZ not a licence".getBytes(StandardCharsets.US_ASCII)));
				PDComplexFileSpecification spec = new PDComplexFileSpecification();
				spec.setFile("payload.exe");
				spec.setEmbeddedFile(file);
				PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
				PDEmbeddedFilesNameTreeNode leaf = new PDEmbeddedFilesNameTreeNode();
				leaf.setNames(java.util.Map.of("payload.exe", spec));
				tree.setKids(List.of(leaf));
				PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
				names.setEmbeddedFiles(tree);
				document.getDocumentCatalog().setNames(names);
			}
			return document;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] write(PDDocument document, CompressParameters compression) {
		try (document) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out, compression);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
