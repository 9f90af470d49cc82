// Package docx writes editable Word documents (Office Open XML, .docx) of
// the kind a provincial office issues: official documents (公文) laid out
// after GB/T 9704 with paragraphs, headings and tables, which the analyst
// opens in WPS or Word to finish before issuing. It is a small writer of
// its own — archive/zip and hand-written XML parts — because the documents
// need little (no images, no lists, no tracked changes) and every byte of
// them should be predictable: the same Document always gives the same file.
//
// Fonts. Official documents name fonts that a stock system may lack
// (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312). Each run names its Chinese face
// in w:rFonts/@w:eastAsia with w:hint="eastAsia" (so that punctuation shared
// by both scripts is set in the Chinese face) and a Latin face for digits
// and letters in @w:ascii/@w:hAnsi. The font table (word/fontTable.xml)
// gives every Chinese face its GB2312 character set, family and pitch, and an
// alternative name (w:altName) that Windows always has — FangSong for
// 仿宋_GB2312, SimSun for 方正小标宋简体, KaiTi for 楷体_GB2312 — which Word
// and WPS substitute when the face is missing; LibreOffice substitutes by
// character set and family through fontconfig (Noto Serif CJK SC on Debian).
package docx

import "time"

// Document is a document to write.
type Document struct {
	Title, Subject, Creator string    // docProps/core.xml
	Created                 time.Time // zero: the zero time of the zip entries, for reproducible files
	Page                    Page
	Fonts                   []Font  // the font table: every face the styles and runs name
	Styles                  []Style // paragraph styles; the first is the default ("Normal")
	Body                    []Block
	// PageNumbers adds a footer with the page number as GB/T 9704 writes
	// it: "— 1 —" on the outer edge (odd pages right, even pages left), in
	// FooterFont at FooterSize.
	PageNumbers bool
	FooterFont  RunFont
	FooterSize  float64
	// Watermark is text set large, grey and turned across every page
	// behind the text (示例 on a demonstration document), "" for none: a
	// WordArt shape in the page header, as Word's own watermarks are, so
	// that it is no part of the body's text.
	Watermark string
}

// Page is the paper and its margins, in millimetres, and the line pitch of
// the document grid in twentieths of a point (0: no grid).
type Page struct {
	Width, Height            float64
	Top, Bottom, Left, Right float64
	Header, Footer           float64 // distance of the header's top and the footer's bottom from the paper's edge
	LinePitch                int
}

// A4Official is A4 with the margins of GB/T 9704-2012 (天头 37 mm, bottom
// 35 mm, 订口 28 mm, right 26 mm: a type area of 156 × 225 mm) and its grid
// of 22 lines a page.
func A4Official() Page {
	return Page{Width: 210, Height: 297, Top: 37, Bottom: 35, Left: 28, Right: 26, Header: 15, Footer: 25,
		LinePitch: 579}
}

// Twips converts millimetres to twentieths of a point, rounded.
func Twips(mm float64) int { return int(mm*1440/25.4 + 0.5) }

// TextWidth is the width of the type area in twips.
func (p Page) TextWidth() int { return Twips(p.Width) - Twips(p.Left) - Twips(p.Right) }

// Font is an entry of the font table.
type Font struct {
	Name    string // as the runs name it: 仿宋_GB2312
	AltName string // what to use when it is missing: FangSong
	Family  string // roman, swiss, modern, script, decorative or auto
	Pitch   string // fixed or variable
	CJK     bool   // a Chinese face: GB2312 character set (86)
}

// RunFont names the faces of a run: EastAsia for Chinese, Latin for
// digits and letters.
type RunFont struct {
	EastAsia string
	Latin    string
}

// Align is a paragraph's alignment.
type Align string

// The alignments.
const (
	Left    Align = "left"
	Center  Align = "center"
	Right   Align = "right"
	Justify Align = "both"
)

// Style is a paragraph style with its run properties.
type Style struct {
	ID, Name   string
	Font       RunFont
	Size       float64 // points
	Bold       bool
	Color      string // RRGGBB, "" for automatic
	Align      Align
	FirstLine  int // first-line indent in characters (2 for body text)
	LineExact  int // exact line height in twips; 0 for single
	SpaceAfter int // twips
	KeepNext   bool
	Outline    int // 1 … 9 for headings (navigation pane), 0 for body text
	RightChars int // right indent in characters (the date of a signature stands four in)
}

// Block is a paragraph or a table of the body.
type Block interface{ isBlock() }

// Paragraph is a paragraph in a style, with its runs.
type Paragraph struct {
	Style           string // a Style's ID; "" for the default
	Align           Align  // "" keeps the style's
	Runs            []Run
	BorderBottom    string // RRGGBB of a rule under the paragraph (the red line of 红头), "" for none
	BorderSize      int    // the rule's width in eighths of a point
	PageBreakBefore bool
	SpaceBefore     int // twips
}

// Run is text in one set of properties; zero fields keep the style's.
type Run struct {
	Break bool // a line break before the text
	Text  string
	Font  RunFont
	Size  float64
	Bold  bool
	Color string
}

// Table is a table with a header row repeated on every page.
type Table struct {
	Header []string
	Rows   [][]string
	Widths []int  // column widths in twips; they should add up to the type area's width
	Right  []bool // columns aligned right (numbers)
	Font   RunFont
	Size   float64 // points
}

func (Paragraph) isBlock() {}
func (Table) isBlock()     {}

// P is a paragraph of one run of text in a style.
func P(style, text string) Paragraph { return Paragraph{Style: style, Runs: []Run{{Text: text}}} }
