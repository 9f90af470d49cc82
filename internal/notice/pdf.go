package notice

import (
	"io"
	"time"

	"github.com/go-pdf/fpdf"
)

// pdfTime is the creation date written into every PDF, so that the same
// notice always gives the same file.
var pdfTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// WritePDF lays d out with ft and writes it as a PDF: ft embedded as a
// subset CID font with its Unicode map (the text reads back with
// pdftotext), the watermark as drawn outlines.
func WritePDF(w io.Writer, d *Doc, ft *Font) error {
	return writePDF(w, d, Layout(d, ft), Faces{Body: ft})
}

// WritePDFFaces is WritePDF with a font per face (GB/T 9704: the title in
// 小标宋, level-1 headings in 黑体, level-2 in 楷体, the body in 仿宋); a
// face without a font of its own is set in the body font. The layout
// measures with the body font: the CJK faces set every Chinese character
// one em wide, as it does.
func WritePDFFaces(w io.Writer, d *Doc, fs Faces) error {
	return writePDF(w, d, Layout(d, fs.Body), fs)
}

func writePDF(w io.Writer, d *Doc, pages []*Page, fs Faces) error {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: PageW, Ht: PageH}})
	pdf.SetCreationDate(pdfTime)
	pdf.SetModificationDate(pdfTime)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	pdf.SetTitle(d.Title, true)
	pdf.SetSubject(d.Subject, true)
	pdf.SetAuthor(d.Signer, true)
	pdf.SetCreator("qiangxian", false)
	pdf.SetProducer("qiangxian", false)
	pdf.SetLang("zh-CN")
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.AddUTF8FontFromBytes("song", "", fs.Body.Data)
	name := map[Face]string{}
	for _, f := range []Face{FaceTitle, FaceHeading1, FaceHeading2} {
		if ft := fs.Other[f]; ft != nil && ft != fs.Body {
			name[f] = "face-" + string(f)
			pdf.AddUTF8FontFromBytes(name[f], "", ft.Data)
		}
	}
	for _, p := range pages {
		pdf.AddPage()
		for _, pa := range p.Paths {
			pdf.SetAlpha(pa.Alpha, "Normal")
			pdf.SetFillColor(int(pa.Fill[0]), int(pa.Fill[1]), int(pa.Fill[2]))
			open := false
			for _, s := range pa.Segs {
				switch s.Op {
				case 'M':
					if open {
						pdf.ClosePath()
					}
					pdf.MoveTo(s.P[0][0], s.P[0][1])
					open = true
				case 'L':
					pdf.LineTo(s.P[0][0], s.P[0][1])
				case 'Q':
					pdf.CurveTo(s.P[0][0], s.P[0][1], s.P[1][0], s.P[1][1])
				case 'C':
					pdf.CurveBezierCubicTo(s.P[0][0], s.P[0][1], s.P[1][0], s.P[1][1], s.P[2][0], s.P[2][1])
				}
			}
			if open {
				pdf.ClosePath()
			}
			pdf.DrawPath("F")
			pdf.SetAlpha(1, "Normal")
		}
		for _, l := range p.Lines {
			pdf.SetDrawColor(int(l.Color[0]), int(l.Color[1]), int(l.Color[2]))
			pdf.SetLineWidth(l.W)
			pdf.Line(l.X1, l.Y1, l.X2, l.Y2)
		}
		for _, t := range p.Texts {
			family := "song"
			if n, ok := name[t.Face]; ok {
				family = n
			}
			pdf.SetFont(family, "", t.Size)
			pdf.SetTextColor(int(t.Color[0]), int(t.Color[1]), int(t.Color[2]))
			pdf.Text(t.X, t.Y, t.S)
		}
	}
	return pdf.Output(w)
}
