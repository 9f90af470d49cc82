package notice

import (
	"unicode/utf8"

	"github.com/qiangxian/qiangxian/internal/docx"
)

// The faces of an official document (GB/T 9704-2012 §7): the title in
// 小标宋, the body in 仿宋_GB2312, first-level headings in 黑体,
// second-level ones in 楷体_GB2312; digits and letters in Times New Roman.
var (
	faceTitle = docx.RunFont{EastAsia: "方正小标宋简体", Latin: "Times New Roman"}
	faceBody  = docx.RunFont{EastAsia: "仿宋_GB2312", Latin: "Times New Roman"}
	faceHead  = docx.RunFont{EastAsia: "黑体", Latin: "Times New Roman"}
	faceSub   = docx.RunFont{EastAsia: "楷体_GB2312", Latin: "Times New Roman"}
	facePage  = docx.RunFont{EastAsia: "宋体", Latin: "Times New Roman"}
)

var docxFonts = []docx.Font{
	{Name: "方正小标宋简体", AltName: "SimSun", Family: "roman", Pitch: "variable", CJK: true},
	{Name: "仿宋_GB2312", AltName: "FangSong", Family: "roman", Pitch: "fixed", CJK: true},
	{Name: "黑体", AltName: "SimHei", Family: "swiss", Pitch: "fixed", CJK: true},
	{Name: "楷体_GB2312", AltName: "KaiTi", Family: "roman", Pitch: "fixed", CJK: true},
	{Name: "宋体", AltName: "SimSun", Family: "roman", Pitch: "variable", CJK: true},
	{Name: "Times New Roman", Family: "roman", Pitch: "variable"},
}

const (
	docxLine = 579 // 22 lines in the 225 mm type area, in twips
	red      = "E60012"
)

var docxStyles = []docx.Style{
	{ID: "Normal", Name: "Normal", Font: faceBody, Size: sizeBody, FirstLine: 2, LineExact: docxLine, Align: docx.Justify},
	{ID: "DocTitle", Name: "公文标题", Font: faceTitle, Size: sizeTitle, Align: docx.Center, LineExact: docxLine, Outline: 1},
	{ID: "Heading1", Name: "一级标题", Font: faceHead, Size: sizeBody, FirstLine: 2, LineExact: docxLine, KeepNext: true, Outline: 2},
	{ID: "Heading2", Name: "二级标题", Font: faceSub, Size: sizeBody, FirstLine: 2, LineExact: docxLine, KeepNext: true, Outline: 3},
	{ID: "Flush", Name: "顶格", Font: faceBody, Size: sizeBody, LineExact: docxLine},
	{ID: "Signature", Name: "落款", Font: faceBody, Size: sizeBody, LineExact: docxLine, Align: docx.Right, RightChars: 4},
	{ID: "Colophon", Name: "版记", Font: faceBody, Size: sizePage, LineExact: 400},
}

// Docx lays d out as an editable .docx with the margins, grid, faces and
// page numbers of GB/T 9704-2012, for the office to open in WPS or Word.
func Docx(d *Doc) *docx.Document {
	page := docx.A4Official()
	out := &docx.Document{Title: d.Title, Subject: d.Subject, Creator: d.Signer, Page: page, Fonts: docxFonts,
		Styles: docxStyles, PageNumbers: true, FooterFont: facePage, FooterSize: sizePage, Watermark: d.Watermark}
	add := func(b ...docx.Block) { out.Body = append(out.Body, b...) }
	blank := docx.Paragraph{Style: "Flush"}
	if d.Masthead != "" {
		size := min(42, float64(page.TextWidth())/20/float64(utf8.RuneCountInString(d.Masthead)))
		size = float64(int(size*2)) / 2
		add(docx.Paragraph{Style: "Flush", Align: docx.Center, SpaceBefore: 1985 - docxLine,
			Runs: []docx.Run{{Text: d.Masthead, Font: faceTitle, Size: size, Color: red}}}, blank)
	}
	if d.DocNumber != "" {
		p := docx.Paragraph{Style: "Flush", Align: docx.Center, Runs: []docx.Run{{Text: d.DocNumber}}}
		if d.Masthead != "" {
			p.BorderBottom, p.BorderSize = red, 16
		}
		add(p, blank)
	}
	add(blank, docx.P("DocTitle", d.Title), blank)
	if d.Addressee != "" {
		add(docx.P("Flush", d.Addressee))
	}
	for _, p := range d.Body {
		switch p.Kind {
		case Heading1:
			add(docx.P("Heading1", p.Text))
		case Heading2:
			add(docx.P("Heading2", p.Text))
		case Labelled:
			add(docx.Paragraph{Runs: []docx.Run{{Text: p.Label, Font: faceSub}, {Text: p.Text}}})
		default:
			add(docx.P("", p.Text))
		}
	}
	if notes := d.AnnexNotes(); len(notes) > 0 {
		add(blank)
		for _, n := range notes {
			add(docx.P("", n))
		}
	}
	add(blank, blank, docx.P("Signature", d.Signer), docx.P("Signature", d.Date))
	if d.Note != "" {
		add(docx.P("", d.Note))
	}
	w := page.TextWidth()
	for _, a := range d.Annexes {
		add(docx.Paragraph{Style: "Flush", PageBreakBefore: true, Runs: []docx.Run{{Text: a.Label, Font: faceHead}}})
		add(docx.Paragraph{Style: "DocTitle", Runs: []docx.Run{{Text: a.Title, Size: sizeAnnexT}}}, blank)
		total := 0.0
		for _, x := range a.Widths {
			total += x
		}
		widths := make([]int, len(a.Header))
		rest := w
		for i := range widths {
			if i == len(widths)-1 {
				widths[i] = rest
				break
			}
			widths[i] = int(a.Widths[i] / total * float64(w))
			rest -= widths[i]
		}
		add(docx.Table{Header: a.Header, Rows: a.Rows, Widths: widths, Right: a.Right, Font: faceBody, Size: sizeTable})
	}
	if c := d.Colophon(); len(c) > 0 {
		add(blank)
		for i, line := range c {
			p := docx.Paragraph{Style: "Colophon", BorderBottom: "000000", BorderSize: 4, Runs: []docx.Run{{Text: line}}}
			if i == len(c)-1 {
				p.BorderSize = 8
			}
			add(p)
		}
	}
	return out
}
