package report

import (
	"strings"
	"unicode/utf8"

	"github.com/qiangxian/qiangxian/internal/docx"
)

// The faces of an official document (GB/T 9704-2012 §7): the title in
// 小标宋, the body in 仿宋_GB2312, first-level headings in 黑体,
// second-level ones in 楷体_GB2312; digits and letters in Times New Roman.
var (
	fontTitle   = docx.RunFont{EastAsia: "方正小标宋简体", Latin: "Times New Roman"}
	fontBody    = docx.RunFont{EastAsia: "仿宋_GB2312", Latin: "Times New Roman"}
	fontHeading = docx.RunFont{EastAsia: "黑体", Latin: "Times New Roman"}
	fontSub     = docx.RunFont{EastAsia: "楷体_GB2312", Latin: "Times New Roman"}
	fontPage    = docx.RunFont{EastAsia: "宋体", Latin: "Times New Roman"}
)

// officialFonts is the font table: each Chinese face with the face
// Windows always has as its fallback (see package docx).
var officialFonts = []docx.Font{
	// Family roman (serif) for the Song, Fang Song and Kai faces, swiss
	// (sans) for Hei: what fontconfig substitutes by when a face is missing.
	{Name: "方正小标宋简体", AltName: "SimSun", Family: "roman", Pitch: "variable", CJK: true},
	{Name: "仿宋_GB2312", AltName: "FangSong", Family: "roman", Pitch: "fixed", CJK: true},
	{Name: "黑体", AltName: "SimHei", Family: "swiss", Pitch: "fixed", CJK: true},
	{Name: "楷体_GB2312", AltName: "KaiTi", Family: "roman", Pitch: "fixed", CJK: true},
	{Name: "宋体", AltName: "SimSun", Family: "roman", Pitch: "variable", CJK: true},
	{Name: "Times New Roman", Family: "roman", Pitch: "variable"},
}

// Sizes in points: 二号 22, 三号 16, 四号 14; tables in 小四 12.
const (
	sizeTitle = 22
	sizeBody  = 16
	sizePage  = 14
	sizeTable = 12
	lineBody  = 579 // 22 lines in the 225 mm type area, in twips
	red       = "FF0000"
)

var officialStyles = []docx.Style{
	{ID: "Normal", Name: "Normal", Font: fontBody, Size: sizeBody, FirstLine: 2, LineExact: lineBody, Align: docx.Justify},
	{ID: "DocTitle", Name: "公文标题", Font: fontTitle, Size: sizeTitle, Align: docx.Center, LineExact: 700, Outline: 1},
	{ID: "Heading1", Name: "一级标题", Font: fontHeading, Size: sizeBody, FirstLine: 2, LineExact: lineBody, KeepNext: true, Outline: 2},
	{ID: "Heading2", Name: "二级标题", Font: fontSub, Size: sizeBody, FirstLine: 2, LineExact: lineBody, KeepNext: true, Outline: 3},
	{ID: "Flush", Name: "顶格", Font: fontBody, Size: sizeBody, LineExact: lineBody},
	{ID: "Signature", Name: "落款", Font: fontBody, Size: sizeBody, LineExact: lineBody, Align: docx.Right, RightChars: 4},
}

// NoticeDocument lays n out as an official document on A4 with the
// margins of GB/T 9704: the red masthead (发文机关标志) and the document
// number above the red rule, the title, the addressees, the body with the
// award lists, the attachment note, the issuer and date, and the attached
// ranking table on a page of its own.
func NoticeDocument(n *Notice) *docx.Document {
	page := docx.A4Official()
	d := &docx.Document{Title: n.Title, Subject: n.DocNumber, Creator: n.Issuer, Page: page, Fonts: officialFonts,
		Styles: officialStyles, PageNumbers: true, FooterFont: fontPage, FooterSize: sizePage}
	head := n.Issuer + "文件"
	// The masthead fills at most the type area's width: the larger the
	// name, the smaller the face, never above 36 pt.
	size := min(36, float64(page.TextWidth())/20/float64(utf8.RuneCountInString(head)))
	size = float64(int(size*2)) / 2
	add := func(b ...docx.Block) { d.Body = append(d.Body, b...) }
	add(docx.Paragraph{Style: "Flush", Align: docx.Center, SpaceBefore: 600,
		Runs: []docx.Run{{Text: head, Font: fontTitle, Size: size, Color: red}}})
	add(docx.Paragraph{Style: "Flush"})
	add(docx.Paragraph{Style: "Flush", Align: docx.Center, BorderBottom: red, BorderSize: 24,
		Runs: []docx.Run{{Text: n.DocNumber}}})
	add(docx.Paragraph{Style: "Flush"})
	add(titleParagraph(n.Title))
	if n.Sample != "" {
		add(docx.Paragraph{Style: "Flush", Align: docx.Center, Runs: []docx.Run{{Text: n.Sample, Font: fontSub}}})
	}
	add(docx.Paragraph{Style: "Flush"})
	add(docx.P("Flush", n.Addressees))
	for _, p := range n.Intro {
		add(docx.P("", p))
	}
	for _, s := range n.Awards {
		add(docx.P("Heading1", s.Heading))
		for _, g := range s.Groups {
			names := strings.Join(g.Names, "、")
			if names == "" {
				names = "（空缺）"
			}
			if g.Label == "" {
				add(docx.P("", names))
				continue
			}
			add(docx.Paragraph{Runs: []docx.Run{{Text: g.Label + "：", Font: fontSub}, {Text: names}}})
		}
	}
	for _, p := range n.Closing {
		add(docx.P("", p))
	}
	if n.Attachment != nil {
		add(docx.Paragraph{Style: "Flush"})
		add(docx.P("", "附件："+n.Attachment.Title))
	}
	add(docx.Paragraph{Style: "Flush"}, docx.Paragraph{Style: "Flush"})
	add(docx.P("Signature", n.Issuer), docx.P("Signature", n.Date))
	if t := n.Attachment; t != nil {
		add(docx.Paragraph{Style: "Flush", PageBreakBefore: true, Runs: []docx.Run{{Text: "附件", Font: fontHeading}}})
		add(titleParagraph(t.Title))
		add(docx.Paragraph{Style: "Flush"})
		w := page.TextWidth()
		// 名次, county, prefecture, types, score, change, awards.
		widths := []int{w * 9 / 100, w * 14 / 100, w * 15 / 100, w * 20 / 100, w * 10 / 100, w * 10 / 100}
		rest := w
		for _, x := range widths {
			rest -= x
		}
		add(docx.Table{Header: t.Header, Rows: t.Rows, Widths: append(widths, rest),
			Right: []bool{true, false, false, false, true, false, false}, Font: fontBody, Size: sizeTable})
	}
	return d
}

// titleParagraph sets a title in the title style; a title longer than a
// line (20 characters of 二号 in the type area) is broken, as GB/T 9704
// asks, where its words allow: after the subject (县域经济发展), so that
// both lines read whole.
func titleParagraph(title string) docx.Paragraph {
	const subject = "县域经济发展"
	i := strings.Index(title, subject)
	if utf8.RuneCountInString(title) <= 20 || i < 0 || i+len(subject) == len(title) {
		return docx.P("DocTitle", title)
	}
	cut := i + len(subject)
	return docx.Paragraph{Style: "DocTitle", Runs: []docx.Run{{Text: title[:cut]}, {Text: title[cut:], Break: true}}}
}
