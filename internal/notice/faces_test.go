package notice

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// TestLayoutFaces: the layout sets the title in the title face, the
// level-1 and level-2 headings in theirs and every other line (body, page
// numbers, tables) in the body face.
func TestLayoutFaces(t *testing.T) {
	ft := testFont(t)
	d, err := Build(fixture(t, auth.VisFull))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Face{}
	for _, ln := range wrap(ft, d.Title, sizeTitle, typeW, typeW) {
		want[ln] = FaceTitle
	}
	var h1, h2 int
	for _, p := range d.Body {
		switch p.Kind {
		case Heading1:
			want[p.Full()], h1 = FaceHeading1, h1+1
		case Heading2:
			want[p.Full()], h2 = FaceHeading2, h2+1
		}
	}
	if h1 == 0 || h2 == 0 {
		t.Fatalf("the fixture has %d level-1 and %d level-2 headings, want some of each", h1, h2)
	}
	seen := map[Face]int{}
	for _, p := range Layout(d, ft) {
		for _, tx := range p.Texts {
			seen[tx.Face]++
			if f, ok := want[tx.S]; ok && tx.Face != f {
				t.Errorf("%q set in face %q, want %q", tx.S, tx.Face, f)
			}
			if _, ok := want[tx.S]; !ok && tx.Face != FaceBody {
				t.Errorf("%q set in face %q, want the body's", tx.S, tx.Face)
			}
		}
	}
	if seen[FaceTitle] == 0 || seen[FaceHeading1] != h1 || seen[FaceHeading2] != h2 {
		t.Errorf("faces set: %v, want the title, %d level-1 and %d level-2 lines", seen, h1, h2)
	}
}

// TestPDFFaces writes the notice with the faces installed (楷体 and 黑体
// when their packages are, see FacePaths): pdffonts lists each embedded
// face, and pdftotext reads the same text as from the one-face PDF.
func TestPDFFaces(t *testing.T) {
	ft := testFont(t)
	pdffonts, pdftotext := tool(t, "pdffonts"), tool(t, "pdftotext")
	fs, missing := LoadFaces(ft)
	if len(fs.Other) == 0 {
		if os.Getenv("CI") != "" {
			t.Fatalf("no heading face installed (fonts-arphic-gkai00mp, fonts-droid-fallback); missing %v", missing)
		}
		t.Skip("no heading face installed (fonts-arphic-gkai00mp, fonts-droid-fallback)")
	}
	if slices.Contains(missing, FaceBody) || !slices.Contains(missing, FaceTitle) {
		t.Errorf("missing %v: the title has no face of its own, the body always has one", missing)
	}
	d, err := Build(fixture(t, auth.VisFull))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	text := func(name string, write func(*bytes.Buffer) error) (string, string) {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdftotext, "-layout", file, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		fonts, err := exec.Command(pdffonts, file).Output()
		if err != nil {
			t.Fatal(err)
		}
		return squeeze(string(out)), string(fonts)
	}
	one, oneFonts := text("one.pdf", func(b *bytes.Buffer) error { return WritePDF(b, d, ft) })
	many, manyFonts := text("faces.pdf", func(b *bytes.Buffer) error { return WritePDFFaces(b, d, fs) })
	if one != many {
		t.Error("the text of the PDF with faces differs from the one-face PDF's")
	}
	fonts := func(list string) int { return strings.Count(list, "CID TrueType") }
	if fonts(oneFonts) != 1 || fonts(manyFonts) != 1+len(fs.Other) {
		t.Errorf("embedded fonts: %d in the one-face PDF, %d with faces, want 1 and %d:\n%s", fonts(oneFonts), fonts(manyFonts),
			1+len(fs.Other), manyFonts)
	}
}
