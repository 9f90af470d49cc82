package notice

// The page model: what the layout places on each page, in millimetres
// from the top left corner of the paper, which the PDF and OFD writers
// paint as it is.

// Color is an RGB colour.
type Color [3]uint8

// The colours of an official document.
var (
	Black = Color{0, 0, 0}
	Red   = Color{230, 0, 18} // 发文机关标志 and the rule under the 文号
	Gray  = Color{200, 200, 200}
)

// Page is one laid-out page.
type Page struct {
	Texts []Text
	Lines []Line
	Paths []Path
}

// Text is a line of text: its baseline starts at (X, Y); Size is in
// points.
type Text struct {
	X, Y, Size float64
	S          string
	Color      Color
	Face       Face // the face it is set in (the PDF; the OFD sets every text in the body face)
}

// Line is a straight rule of width W (mm).
type Line struct {
	X1, Y1, X2, Y2, W float64
	Color             Color
}

// Path is a filled outline (the watermark's glyphs, which are drawn, not
// written, so that text extraction does not read them).
type Path struct {
	Segs  []Seg
	Fill  Color
	Alpha float64
}

// Seg is a path segment: M and L with one point, Q with a control point
// and an end, C with two control points and an end; Z closes.
type Seg struct {
	Op byte
	P  [3][2]float64
}

// The geometry of GB/T 9704-2012 on A4: 天头 37 mm, 订口 28 mm, a type area
// of 156 × 225 mm with 22 lines of 三号 type, page numbers in 四号 7 mm
// below it.
const (
	PageW      = 210.0
	PageH      = 297.0
	marginTop  = 37.0
	marginLeft = 28.0
	typeW      = 156.0
	typeH      = 225.0
	typeBottom = marginTop + typeH
	lineH      = typeH / 22
	sizeBody   = 16.0 // 三号
	sizeTitle  = 22.0 // 二号
	sizePage   = 14.0 // 四号
	sizeTable  = 12.0 // 小四
	sizeAnnexT = 18.0 // 小二, the title of an annex table
)
