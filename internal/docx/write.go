package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
	xmlHd = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// Write writes d as a .docx file to w.
func (d *Document) Write(w io.Writer) error {
	if len(d.Styles) == 0 {
		return fmt.Errorf("docx: a document needs at least its default style")
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", d.contentTypes()},
		{"_rels/.rels", rels([][3]string{
			{"rId1", nsR + "/officeDocument", "word/document.xml"},
			{"rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"},
			{"rId3", nsR + "/extended-properties", "docProps/app.xml"},
		})},
		{"word/_rels/document.xml.rels", d.documentRels()},
		{"word/document.xml", d.document()},
		{"word/styles.xml", d.styles()},
		{"word/settings.xml", d.settings()},
		{"word/fontTable.xml", d.fontTable()},
		{"docProps/core.xml", d.core()},
		{"docProps/app.xml", app},
	}
	if d.PageNumbers {
		parts = append(parts, struct{ name, body string }{"word/footer1.xml", d.footer(false)},
			struct{ name, body string }{"word/footer2.xml", d.footer(true)})
	}
	if d.Watermark != "" {
		parts = append(parts, struct{ name, body string }{"word/header1.xml", d.header()},
			struct{ name, body string }{"word/header2.xml", d.header()})
	}
	z := zip.NewWriter(w)
	for _, p := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return err
		}
	}
	return z.Close()
}

// zipTime is the time of every entry, so that equal documents give equal
// files.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

func (d *Document) contentTypes() string {
	var b strings.Builder
	b.WriteString(xmlHd + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`)
	over := func(part, typ string) {
		b.WriteString(`<Override PartName="/` + part + `" ContentType="` + typ + `"/>`)
	}
	const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	over("word/document.xml", wml+"document.main+xml")
	over("word/styles.xml", wml+"styles+xml")
	over("word/settings.xml", wml+"settings+xml")
	over("word/fontTable.xml", wml+"fontTable+xml")
	if d.PageNumbers {
		over("word/footer1.xml", wml+"footer+xml")
		over("word/footer2.xml", wml+"footer+xml")
	}
	if d.Watermark != "" {
		over("word/header1.xml", wml+"header+xml")
		over("word/header2.xml", wml+"header+xml")
	}
	over("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
	over("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
	b.WriteString(`</Types>`)
	return b.String()
}

func rels(rs [][3]string) string {
	var b strings.Builder
	b.WriteString(xmlHd + `<Relationships xmlns="` + nsRel + `">`)
	for _, r := range rs {
		b.WriteString(`<Relationship Id="` + r[0] + `" Type="` + r[1] + `" Target="` + r[2] + `"/>`)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

func (d *Document) documentRels() string {
	rs := [][3]string{
		{"rId1", nsR + "/styles", "styles.xml"},
		{"rId2", nsR + "/settings", "settings.xml"},
		{"rId3", nsR + "/fontTable", "fontTable.xml"},
	}
	if d.PageNumbers {
		rs = append(rs, [3]string{"rId4", nsR + "/footer", "footer1.xml"}, [3]string{"rId5", nsR + "/footer", "footer2.xml"})
	}
	if d.Watermark != "" {
		rs = append(rs, [3]string{"rId6", nsR + "/header", "header1.xml"}, [3]string{"rId7", nsR + "/header", "header2.xml"})
	}
	return rels(rs)
}

// esc escapes text for XML character data and attribute values.
func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (d *Document) document() string {
	var b strings.Builder
	b.WriteString(xmlHd + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	for _, blk := range d.Body {
		switch x := blk.(type) {
		case Paragraph:
			writeParagraph(&b, x)
		case Table:
			writeTable(&b, x)
			// Word needs a paragraph between a table and what follows.
			b.WriteString(`<w:p/>`)
		}
	}
	p := d.Page
	b.WriteString(`<w:sectPr>`)
	if d.Watermark != "" {
		b.WriteString(`<w:headerReference w:type="default" r:id="rId6"/><w:headerReference w:type="even" r:id="rId7"/>`)
	}
	if d.PageNumbers {
		b.WriteString(`<w:footerReference w:type="default" r:id="rId4"/><w:footerReference w:type="even" r:id="rId5"/>`)
	}
	fmt.Fprintf(&b, `<w:pgSz w:w="%d" w:h="%d"/>`, Twips(p.Width), Twips(p.Height))
	fmt.Fprintf(&b, `<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		Twips(p.Top), Twips(p.Right), Twips(p.Bottom), Twips(p.Left), Twips(p.Header), Twips(p.Footer))
	if p.LinePitch > 0 {
		fmt.Fprintf(&b, `<w:docGrid w:type="lines" w:linePitch="%d"/>`, p.LinePitch)
	}
	b.WriteString(`</w:sectPr></w:body></w:document>`)
	return b.String()
}

func writeParagraph(b *strings.Builder, p Paragraph) {
	b.WriteString(`<w:p><w:pPr>`)
	if p.Style != "" {
		b.WriteString(`<w:pStyle w:val="` + esc(p.Style) + `"/>`)
	}
	if p.PageBreakBefore {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	if p.BorderBottom != "" {
		size := p.BorderSize
		if size == 0 {
			size = 12
		}
		fmt.Fprintf(b, `<w:pBdr><w:bottom w:val="single" w:sz="%d" w:space="4" w:color="%s"/></w:pBdr>`, size, esc(p.BorderBottom))
	}
	if p.SpaceBefore > 0 {
		fmt.Fprintf(b, `<w:spacing w:before="%d"/>`, p.SpaceBefore)
	}
	if p.Align != "" {
		b.WriteString(`<w:jc w:val="` + string(p.Align) + `"/>`)
	}
	b.WriteString(`</w:pPr>`)
	for _, r := range p.Runs {
		writeRun(b, r)
	}
	b.WriteString(`</w:p>`)
}

func writeRun(b *strings.Builder, r Run) {
	b.WriteString(`<w:r>`)
	props := runProps(r.Font, r.Size, r.Bold, r.Color)
	if props != "" {
		b.WriteString(`<w:rPr>` + props + `</w:rPr>`)
	}
	if r.Break {
		b.WriteString(`<w:br/>`)
	}
	b.WriteString(`<w:t xml:space="preserve">` + esc(r.Text) + `</w:t></w:r>`)
}

// runProps are the run properties of a font, a size in points, bold and
// a colour, the zero ones left out.
func runProps(f RunFont, size float64, bold bool, color string) string {
	var b strings.Builder
	if f.EastAsia != "" || f.Latin != "" {
		b.WriteString(`<w:rFonts`)
		if f.Latin != "" {
			l := esc(f.Latin)
			b.WriteString(` w:ascii="` + l + `" w:hAnsi="` + l + `" w:cs="` + l + `"`)
		}
		if f.EastAsia != "" {
			b.WriteString(` w:eastAsia="` + esc(f.EastAsia) + `" w:hint="eastAsia"`)
		}
		b.WriteString(`/>`)
	}
	if bold {
		b.WriteString(`<w:b/><w:bCs/>`)
	}
	if color != "" {
		b.WriteString(`<w:color w:val="` + esc(color) + `"/>`)
	}
	if size > 0 {
		hp := strconv.Itoa(int(size*2 + 0.5))
		b.WriteString(`<w:sz w:val="` + hp + `"/><w:szCs w:val="` + hp + `"/>`)
	}
	return b.String()
}

func writeTable(b *strings.Builder, t Table) {
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, w := range t.Widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	row := func(cells []string, header bool) {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if header {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		for i, c := range cells {
			b.WriteString(`<w:tc><w:tcPr>`)
			if i < len(t.Widths) {
				fmt.Fprintf(b, `<w:tcW w:w="%d" w:type="dxa"/>`, t.Widths[i])
			}
			// Cells keep their own line height, off the document's grid
			// of 22 lines a page, so that a table row is one line of
			// its small type.
			b.WriteString(`<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>`)
			b.WriteString(`<w:ind w:firstLine="0" w:firstLineChars="0"/>`)
			switch {
			case header:
				b.WriteString(`<w:jc w:val="center"/>`)
			case i < len(t.Right) && t.Right[i]:
				b.WriteString(`<w:jc w:val="right"/>`)
			default:
				b.WriteString(`<w:jc w:val="left"/>`)
			}
			b.WriteString(`</w:pPr><w:r><w:rPr>` + runProps(t.Font, t.Size, header, "") + `</w:rPr>`)
			b.WriteString(`<w:t xml:space="preserve">` + esc(c) + `</w:t></w:r></w:p></w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	if len(t.Header) > 0 {
		row(t.Header, true)
	}
	for _, r := range t.Rows {
		row(r, false)
	}
	b.WriteString(`</w:tbl>`)
}
