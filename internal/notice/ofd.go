package notice

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// OFD (GB/T 33190-2016) is the fixed-layout format that government OA
// systems archive: a ZIP of XML parts. WriteOFD writes the laid-out pages
// as text objects (one per line, with the advance of every character so
// that a reader's substitute font keeps the layout) and path objects (the
// rules and the watermark's outlines), all in millimetres, the unit of the
// format. The font is referred to by name (宋体), not embedded: an OFD
// reader on a government desktop has it.

const nsOFD = "http://www.ofdspec.org/2016"

// ofdTime is the time of every zip entry, so that equal notices give
// equal files.
var ofdTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// WriteOFD lays d out with ft and writes it as an OFD package.
func WriteOFD(w io.Writer, d *Doc, ft *Font, created time.Time) error {
	return writeOFD(w, d, Layout(d, ft), ft, created)
}

func writeOFD(w io.Writer, d *Doc, pages []*Page, ft *Font, created time.Time) error {
	z := zip.NewWriter(w)
	put := func(name, body string) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: ofdTime})
		if err != nil {
			return err
		}
		_, err = io.WriteString(f, xml.Header+body)
		return err
	}
	id := 1 // object IDs are unique in the document; 1 is the font
	var pageRefs strings.Builder
	for i, p := range pages {
		id++
		fmt.Fprintf(&pageRefs, `<ofd:Page ID="%d" BaseLoc="Pages/Page_%d/Content.xml"/>`, id, i)
		body, next := ofdPage(p, ft, id+1)
		id = next
		if err := put(fmt.Sprintf("Doc_0/Pages/Page_%d/Content.xml", i), body); err != nil {
			return err
		}
	}
	docInfo := `<ofd:DocInfo><ofd:Title>` + esc(d.Title) + `</ofd:Title><ofd:Author>` + esc(d.Signer) +
		`</ofd:Author><ofd:Subject>` + esc(d.Subject) + `</ofd:Subject><ofd:CreationDate>` + created.Format(time.DateOnly) +
		`</ofd:CreationDate><ofd:Creator>qiangxian</ofd:Creator></ofd:DocInfo>`
	parts := [][2]string{
		{"OFD.xml", `<ofd:OFD xmlns:ofd="` + nsOFD + `" Version="1.0" DocType="OFD"><ofd:DocBody>` + docInfo +
			`<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`},
		{"Doc_0/Document.xml", `<ofd:Document xmlns:ofd="` + nsOFD + `"><ofd:CommonData><ofd:MaxUnitID>` + strconv.Itoa(id) +
			`</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 ` + num(PageW) + ` ` + num(PageH) +
			`</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>` +
			pageRefs.String() + `</ofd:Pages></ofd:Document>`},
		{"Doc_0/PublicRes.xml", `<ofd:Res xmlns:ofd="` + nsOFD + `" BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`},
	}
	for _, p := range parts {
		if err := put(p[0], p[1]); err != nil {
			return err
		}
	}
	return z.Close()
}

// ofdPage writes a page's content with object IDs from id on; it returns
// the next free ID.
func ofdPage(p *Page, ft *Font, id int) (string, int) {
	var b strings.Builder
	fmt.Fprintf(&b, `<ofd:Page xmlns:ofd="%s"><ofd:Content><ofd:Layer ID="%d">`, nsOFD, id)
	id++
	for _, pa := range p.Paths {
		fmt.Fprintf(&b, `<ofd:PathObject ID="%d" Boundary="0 0 %s %s" Stroke="false" Fill="true"><ofd:FillColor Value="%s" Alpha="%d"/><ofd:AbbreviatedData>`,
			id, num(PageW), num(PageH), rgb(pa.Fill), int(pa.Alpha*255+0.5))
		id++
		open := false
		for _, s := range pa.Segs {
			switch s.Op {
			case 'M':
				if open {
					b.WriteString("C ")
				}
				open = true
				b.WriteString("M " + pts(s.P[:1]))
			case 'L':
				b.WriteString("L " + pts(s.P[:1]))
			case 'Q':
				b.WriteString("Q " + pts(s.P[:2]))
			case 'C':
				b.WriteString("B " + pts(s.P[:3]))
			}
		}
		if open {
			b.WriteString("C")
		}
		b.WriteString(`</ofd:AbbreviatedData></ofd:PathObject>`)
	}
	for _, l := range p.Lines {
		fmt.Fprintf(&b, `<ofd:PathObject ID="%d" Boundary="0 0 %s %s" LineWidth="%s"><ofd:StrokeColor Value="%s"/><ofd:AbbreviatedData>M %s %s L %s %s</ofd:AbbreviatedData></ofd:PathObject>`,
			id, num(PageW), num(PageH), num(l.W), rgb(l.Color), num(l.X1), num(l.Y1), num(l.X2), num(l.Y2))
		id++
	}
	for _, t := range p.Texts {
		size := mm(t.Size)
		rs := []rune(t.S)
		deltas := make([]float64, 0, len(rs))
		for _, r := range rs[:max(len(rs)-1, 0)] {
			deltas = append(deltas, ft.Width(string(r), t.Size))
		}
		w := ft.Width(t.S, t.Size)
		fmt.Fprintf(&b, `<ofd:TextObject ID="%d" Boundary="%s %s %s %s" Font="1" Size="%s"><ofd:FillColor Value="%s"/><ofd:TextCode X="0" Y="%s" DeltaX="%s">%s</ofd:TextCode></ofd:TextObject>`,
			id, num(t.X), num(t.Y-size), num(w+size), num(size*1.3), num(size), rgb(t.Color), num(size), deltaX(deltas), esc(t.S))
		id++
	}
	b.WriteString(`</ofd:Layer></ofd:Content></ofd:Page>`)
	return b.String(), id
}

// deltaX writes the advances between characters, runs of equal ones
// shortened as "g n v" (GB/T 33190 §11.3).
func deltaX(ds []float64) string {
	var parts []string
	for i := 0; i < len(ds); {
		j := i
		for j < len(ds) && num(ds[j]) == num(ds[i]) {
			j++
		}
		if j-i > 1 {
			parts = append(parts, "g "+strconv.Itoa(j-i)+" "+num(ds[i]))
		} else {
			parts = append(parts, num(ds[i]))
		}
		i = j
	}
	return strings.Join(parts, " ")
}

func pts(ps [][2]float64) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(num(p[0]) + " " + num(p[1]) + " ")
	}
	return b.String()
}

func rgb(c Color) string { return fmt.Sprintf("%d %d %d", c[0], c[1], c[2]) }

// num writes a length in millimetres to a hundredth.
func num(v float64) string { return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) }

func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
