package notice

import (
	"fmt"
	"os"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// FontPaths are where the PDF's font is looked for, in turn, after
// $QIANGXIAN_NOTICE_FONT: Debian's AR PL SungtiL GB (fonts-arphic-gbsn00lp),
// a TrueType face with glyf outlines that a PDF can embed as a CID font
// with its Unicode map, so that pdftotext reads the Chinese back. The Noto
// CJK faces of most systems are CFF collections, which the PDF writer
// cannot embed.
var FontPaths = []string{
	"/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
	"/usr/share/fonts/truetype/arphic/gbsn00lp.ttf",
}

// FontPath returns the first font of $QIANGXIAN_NOTICE_FONT and FontPaths
// that exists, "" when none does.
func FontPath() string {
	if p := os.Getenv("QIANGXIAN_NOTICE_FONT"); p != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
		return ""
	}
	for _, p := range FontPaths {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// Font is a TrueType face: its bytes, for the PDF to embed, and its
// metrics and outlines, for the layout and the watermark. It is safe for
// concurrent use.
type Font struct {
	Data []byte
	Name string // PostScript-like name used in the OFD font list

	f    *sfnt.Font
	upem fixed.Int26_6
	mu   sync.Mutex
	buf  sfnt.Buffer
	adv  map[rune]float64 // advance in ems
}

var (
	fontOnce sync.Map // path → *fontLoad
)

type fontLoad struct {
	once sync.Once
	f    *Font
	err  error
}

// LoadFont reads and parses the TrueType font at path, once per path for
// the life of the process.
func LoadFont(path string) (*Font, error) {
	v, _ := fontOnce.LoadOrStore(path, &fontLoad{})
	l := v.(*fontLoad)
	l.once.Do(func() {
		data, err := os.ReadFile(path)
		if err != nil {
			l.err = fmt.Errorf("notice: font: %w", err)
			return
		}
		l.f, l.err = ParseFont(data)
	})
	return l.f, l.err
}

// ParseFont parses a TrueType font.
func ParseFont(data []byte) (*Font, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("notice: font: %w", err)
	}
	ft := &Font{Data: data, f: f, upem: fixed.Int26_6(f.UnitsPerEm()) << 6, adv: map[rune]float64{}}
	ft.Name, _ = f.Name(&ft.buf, sfnt.NameIDFamily)
	if ft.Name == "" {
		ft.Name = "SimSun"
	}
	return ft, nil
}

// em is the advance of r in ems: the font's, or one em for a character
// it lacks (drawn as its .notdef box).
func (ft *Font) em(r rune) float64 {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	if a, ok := ft.adv[r]; ok {
		return a
	}
	a := 1.0
	if gi, err := ft.f.GlyphIndex(&ft.buf, r); err == nil && gi != 0 {
		if w, err := ft.f.GlyphAdvance(&ft.buf, gi, ft.upem, font.HintingNone); err == nil {
			a = float64(w) / float64(ft.upem)
		}
	}
	ft.adv[r] = a
	return a
}

// Width is the width of s at size points, in millimetres.
func (ft *Font) Width(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += ft.em(r)
	}
	return w * mm(size)
}

// outline returns the outline of r as path segments in ems, y down, from
// the origin on the baseline.
func (ft *Font) outline(r rune) []Seg {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	gi, err := ft.f.GlyphIndex(&ft.buf, r)
	if err != nil || gi == 0 {
		return nil
	}
	segs, err := ft.f.LoadGlyph(&ft.buf, gi, ft.upem, nil)
	if err != nil {
		return nil
	}
	u := float64(ft.upem)
	pt := func(p fixed.Point26_6) [2]float64 { return [2]float64{float64(p.X) / u, float64(p.Y) / u} }
	out := make([]Seg, 0, len(segs))
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			out = append(out, Seg{Op: 'M', P: [3][2]float64{pt(s.Args[0])}})
		case sfnt.SegmentOpLineTo:
			out = append(out, Seg{Op: 'L', P: [3][2]float64{pt(s.Args[0])}})
		case sfnt.SegmentOpQuadTo:
			out = append(out, Seg{Op: 'Q', P: [3][2]float64{pt(s.Args[0]), pt(s.Args[1])}})
		case sfnt.SegmentOpCubeTo:
			out = append(out, Seg{Op: 'C', P: [3][2]float64{pt(s.Args[0]), pt(s.Args[1]), pt(s.Args[2])}})
		}
	}
	return out
}

// mm is a size in points in millimetres.
func mm(pt float64) float64 { return pt * 25.4 / 72 }
