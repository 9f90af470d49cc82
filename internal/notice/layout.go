package notice

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Layout lays d out on A4 pages after GB/T 9704-2012 with the metrics of
// ft: the masthead, 文号 and red rule, the title, 主送, body, 附件说明,
// signature and date, 附注, the annex tables on pages of their own with
// their header repeated, the 版记 at the foot of the last page, the page
// numbers on the outer edge, and the watermark across every page.
func Layout(d *Doc, ft *Font) []*Page {
	l := &layout{ft: ft}
	l.newPage()
	l.head(d)
	for _, p := range d.Body {
		switch {
		case p.List:
			l.listPara(p.Full())
		case p.Kind == Heading1:
			l.face = FaceHeading1
			l.para(p.Full(), sizeBody, 2, false)
		case p.Kind == Heading2:
			l.face = FaceHeading2
			l.para(p.Full(), sizeBody, 2, false)
		default:
			l.para(p.Full(), sizeBody, 2, false)
		}
		l.face = FaceBody
	}
	if notes := d.AnnexNotes(); len(notes) > 0 {
		l.blank(1)
		for i, n := range notes {
			if i == 0 {
				l.para(n, sizeBody, 2, false)
			} else {
				l.para(n, sizeBody, 5, true)
			}
		}
	}
	l.signature(d)
	for _, a := range d.Annexes {
		l.annex(a)
	}
	if c := d.Colophon(); len(c) > 0 {
		l.colophon(d)
	}
	for i, p := range l.pages {
		l.pageNumber(p, i+1)
		if d.Watermark != "" {
			l.watermark(p, d.Watermark)
		}
	}
	return l.pages
}

type layout struct {
	ft    *Font
	face  Face // of the texts set now
	pages []*Page
	p     *Page
	y     float64 // top of the next line
}

func (l *layout) newPage() {
	l.p = &Page{}
	l.pages = append(l.pages, l.p)
	l.y = marginTop
}

// line takes one line of height h, starting a page when it does not fit,
// and returns the baseline of text of size points centred in it.
func (l *layout) line(h, size float64) float64 {
	if l.y+h > typeBottom+0.01 {
		l.newPage()
	}
	base := l.y + h/2 + mm(size)*0.36
	l.y += h
	return base
}

func (l *layout) blank(n int) {
	for range n {
		if l.y+lineH > typeBottom+0.01 {
			return // a blank line never starts a page
		}
		l.y += lineH
	}
}

func (l *layout) text(x, y, size float64, s string, c Color) {
	l.p.Texts = append(l.p.Texts, Text{X: x, Y: y, Size: size, S: s, Color: c, Face: l.face})
}

// para sets text in lines of the type area: the first line indented by
// indent characters, the others flush left, or all indented when hang.
func (l *layout) para(s string, size float64, indent int, hang bool) {
	ch := mm(size)
	first := float64(indent) * ch
	rest := 0.0
	if hang {
		rest = first
	}
	for i, ln := range wrap(l.ft, s, size, typeW-first, typeW-rest) {
		x := marginLeft + rest
		if i == 0 {
			x = marginLeft + first
		}
		l.text(x, l.line(lineH, size), size, ln, Black)
	}
}

// listPara sets a list of names (joined by 、) as a body paragraph whose
// lines break after a 、 where one is near the end of the line, so that
// no name is cut in two.
func (l *layout) listPara(s string) {
	ch := mm(sizeBody)
	first := 2 * ch
	rs := []rune(s)
	width := typeW - first
	x := marginLeft + first
	for len(rs) > 0 {
		lines := wrap(l.ft, string(rs), sizeBody, width, width)
		n := len([]rune(lines[0]))
		if n < len(rs) {
			for k := n; k > n-10 && k > 1; k-- {
				if rs[k-1] == '、' {
					n = k
					break
				}
			}
		}
		l.text(x, l.line(lineH, sizeBody), sizeBody, string(rs[:n]), Black)
		rs = rs[n:]
		width, x = typeW, marginLeft
	}
}

// centred sets s centred in the type area, in as many lines as it needs.
func (l *layout) centred(s string, size float64, c Color) {
	for _, ln := range wrap(l.ft, s, size, typeW, typeW) {
		w := l.ft.Width(ln, size)
		l.text(marginLeft+(typeW-w)/2, l.line(lineH, size), size, ln, c)
	}
}

// head is the first page's head: the red masthead 35 mm below the top of
// the type area, the 文号 one line under it, the red rule 4 mm under the
// 文号, the title two lines under the rule, a blank line and the 主送.
func (l *layout) head(d *Doc) {
	if d.Masthead != "" {
		size := 42.0
		w := l.ft.Width(d.Masthead, size)
		if w > typeW {
			size *= typeW / w
		}
		top := marginTop + 35
		base := top + mm(size)*0.88
		l.text(marginLeft+(typeW-l.ft.Width(d.Masthead, size))/2, base, size, d.Masthead, Red)
		l.y = base + mm(size)*0.12 + lineH
	}
	if d.DocNumber != "" {
		w := l.ft.Width(d.DocNumber, sizeBody)
		base := l.line(lineH, sizeBody)
		l.text(marginLeft+(typeW-w)/2, base, sizeBody, d.DocNumber, Black)
		if d.Masthead != "" {
			rule := base + 4
			l.p.Lines = append(l.p.Lines, Line{X1: marginLeft, Y1: rule, X2: marginLeft + typeW, Y2: rule, W: 0.7, Color: Red})
			l.y = rule
		}
		l.blank(1)
	}
	l.blank(1)
	l.face = FaceTitle
	l.centred(d.Title, sizeTitle, Black)
	l.face = FaceBody
	l.blank(1)
	if d.Addressee != "" {
		l.para(d.Addressee, sizeBody, 0, false)
	}
}

// signature sets the issuer centred over the date, which stands four
// characters in from the right, two blank lines under the text (room for
// the seal), and the 附注 under the date, two characters in.
func (l *layout) signature(d *Doc) {
	ch := mm(sizeBody)
	l.blank(2)
	dw := l.ft.Width(d.Date, sizeBody)
	dx := marginLeft + typeW - 4*ch - dw
	centre := dx + dw/2
	for _, ln := range wrap(l.ft, d.Signer, sizeBody, typeW, typeW) {
		w := l.ft.Width(ln, sizeBody)
		x := min(centre-w/2, marginLeft+typeW-w)
		l.text(max(x, marginLeft), l.line(lineH, sizeBody), sizeBody, ln, Black)
	}
	l.text(dx, l.line(lineH, sizeBody), sizeBody, d.Date, Black)
	if d.Note != "" {
		l.para(d.Note, sizeBody, 2, false)
	}
}

// annex sets an annex table on pages of its own: its label flush left,
// its title centred, and the table with its header on every page.
func (l *layout) annex(a Annex) {
	l.newPage()
	l.text(marginLeft, l.line(lineH, sizeBody), sizeBody, a.Label, Black)
	for _, ln := range wrap(l.ft, a.Title, sizeAnnexT, typeW, typeW) {
		w := l.ft.Width(ln, sizeAnnexT)
		l.text(marginLeft+(typeW-w)/2, l.line(lineH, sizeAnnexT), sizeAnnexT, ln, Black)
	}
	l.y += 2
	total := 0.0
	for _, w := range a.Widths {
		total += w
	}
	widths := make([]float64, len(a.Header))
	for i := range widths {
		if i < len(a.Widths) && total > 0 {
			widths[i] = a.Widths[i] / total * typeW
		} else {
			widths[i] = typeW / float64(len(widths))
		}
	}
	l.row(a.Header, widths, nil, true)
	for _, r := range a.Rows {
		if l.rowHeight(r, widths) > typeBottom-l.y {
			l.newPage()
			l.row(a.Header, widths, nil, true)
		}
		l.row(r, widths, a.Right, false)
	}
}

const (
	cellPad   = 1.2 // mm on either side of a cell's text
	cellLineH = 5.6 // mm between the lines of a cell
)

func (l *layout) cellLines(s string, w float64) []string {
	return wrap(l.ft, s, sizeTable, w-2*cellPad, w-2*cellPad)
}

func (l *layout) rowHeight(cells []string, widths []float64) float64 {
	n := 1
	for i, c := range cells {
		if i < len(widths) {
			n = max(n, len(l.cellLines(c, widths[i])))
		}
	}
	return float64(n)*cellLineH + 2.4
}

// row sets a table row with its cell borders: headers centred, the
// columns of right true aligned right, others left.
func (l *layout) row(cells []string, widths []float64, right []bool, header bool) {
	h := l.rowHeight(cells, widths)
	top := l.y
	x := marginLeft
	for i, c := range cells {
		if i >= len(widths) {
			break
		}
		w := widths[i]
		lines := l.cellLines(c, w)
		y0 := top + (h-float64(len(lines))*cellLineH)/2
		for j, ln := range lines {
			tw := l.ft.Width(ln, sizeTable)
			tx := x + cellPad
			switch {
			case header:
				tx = x + (w-tw)/2
			case i < len(right) && right[i]:
				tx = x + w - cellPad - tw
			}
			l.text(tx, y0+float64(j)*cellLineH+cellLineH/2+mm(sizeTable)*0.36, sizeTable, ln, Black)
		}
		l.p.Lines = append(l.p.Lines, Line{X1: x, Y1: top, X2: x, Y2: top + h, W: 0.2, Color: Black})
		x += w
	}
	l.p.Lines = append(l.p.Lines,
		Line{X1: x, Y1: top, X2: x, Y2: top + h, W: 0.2, Color: Black},
		Line{X1: marginLeft, Y1: top, X2: x, Y2: top, W: 0.2, Color: Black},
		Line{X1: marginLeft, Y1: top + h, X2: x, Y2: top + h, W: 0.2, Color: Black})
	l.y = top + h
}

// colophon sets the 版记 at the foot of the last page (a new page when it
// does not fit): rules above, between and below the 抄送 and the line of
// the printing office and date, in 四号, one character in from either side.
func (l *layout) colophon(d *Doc) {
	const pitch = 7.0
	ch := mm(sizePage)
	var cc []string
	if d.CC != "" {
		cc = wrap(l.ft, "抄送："+d.CC+"。", sizePage, typeW-2*ch, typeW-2*ch)
	}
	n := len(cc)
	if d.Printer != "" {
		n++
	}
	h := float64(n) * pitch
	if l.y+h+lineH > typeBottom {
		l.newPage()
	}
	top := typeBottom - h
	rule := func(y, w float64) {
		l.p.Lines = append(l.p.Lines, Line{X1: marginLeft, Y1: y, X2: marginLeft + typeW, Y2: y, W: w, Color: Black})
	}
	rule(top, 0.35)
	y := top
	for _, ln := range cc {
		l.text(marginLeft+ch, y+pitch/2+mm(sizePage)*0.36, sizePage, ln, Black)
		y += pitch
	}
	if d.Printer != "" {
		if len(cc) > 0 {
			rule(y, 0.25)
		}
		base := y + pitch/2 + mm(sizePage)*0.36
		l.text(marginLeft+ch, base, sizePage, d.Printer, Black)
		pd := d.PrintDate + "印发"
		l.text(marginLeft+typeW-ch-l.ft.Width(pd, sizePage), base, sizePage, pd, Black)
		y += pitch
	}
	rule(y, 0.35)
	l.y = typeBottom
}

// pageNumber sets "— n —" in 四号 7 mm under the type area: on odd pages
// one character in from the right edge of the type area, on even pages
// one character in from the left (GB/T 9704-2012 §7.5).
func (l *layout) pageNumber(p *Page, n int) {
	s := "— " + itoa(n) + " —"
	ch := mm(sizePage)
	w := l.ft.Width(s, sizePage)
	x := marginLeft + ch
	if n%2 == 1 {
		x = marginLeft + typeW - ch - w
	}
	p.Texts = append(p.Texts, Text{X: x, Y: typeBottom + 7, Size: sizePage, S: s, Color: Black})
}

// watermark draws s in large grey outlines across the page, turned 30°:
// drawn rather than written, so that a reader's text extraction (and a
// copy of the text) does not pick it up.
func (l *layout) watermark(p *Page, s string) {
	const size = 110.0
	em := mm(size)
	w := l.ft.Width(s, size)
	cx, cy := PageW/2, PageH/2
	sin, cos := math.Sincos(-30 * math.Pi / 180)
	pen := -w / 2
	for _, r := range s {
		segs := l.ft.outline(r)
		out := make([]Seg, 0, len(segs))
		for _, sg := range segs {
			n := 1
			switch sg.Op {
			case 'Q':
				n = 2
			case 'C':
				n = 3
			}
			t := Seg{Op: sg.Op}
			for k := range n {
				x, y := pen+sg.P[k][0]*em, sg.P[k][1]*em+em*0.35
				t.P[k] = [2]float64{cx + x*cos - y*sin, cy + x*sin + y*cos}
			}
			out = append(out, t)
		}
		if len(out) > 0 {
			p.Paths = append(p.Paths, Path{Segs: out, Fill: Gray, Alpha: 0.35})
		}
		pen += l.ft.Width(string(r), size)
	}
}

// Characters that may not begin a line, and those that may not end one
// (the line-breaking rules of Chinese text).
const (
	noStart = "，。、；：？！）】》」』”’%．,.;:?!)]—…"
	noEnd   = "（【《「『“‘(["
)

// wrap breaks s into lines no wider than first (the first line) and rest
// (the others) at size points, between any two characters except before
// a closing mark or after an opening one, and not inside a run of Latin
// letters and digits.
func wrap(ft *Font, s string, size, first, rest float64) []string {
	if s == "" {
		return []string{""}
	}
	var lines []string
	width := first
	rs := []rune(s)
	for len(rs) > 0 {
		w, n := 0.0, 0
		for n < len(rs) {
			cw := ft.Width(string(rs[n]), size)
			if w+cw > width+0.01 && n > 0 {
				break
			}
			w += cw
			n++
		}
		if n < len(rs) {
			k := n
			for k > 1 && !breakable(rs[k-1], rs[k]) {
				k--
			}
			if k > 1 {
				n = k
			}
		}
		lines = append(lines, string(rs[:n]))
		rs = rs[n:]
		width = rest
	}
	return lines
}

// breakable reports whether a line may end after a and begin with b.
func breakable(a, b rune) bool {
	if strings.ContainsRune(noStart, b) || strings.ContainsRune(noEnd, a) {
		return false
	}
	return !(latin(a) && latin(b))
}

func latin(r rune) bool {
	return r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '.')
}
