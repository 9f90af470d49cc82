package notice

import (
	"io"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// BenchmarkWritePDF lays out and writes the fixture's full notice (body,
// a 30-row ranking and five type tables) with the font loaded once.
func BenchmarkWritePDF(b *testing.B) {
	ft := testFont(b)
	d, err := Build(fixture(b, auth.VisFull))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := WritePDF(io.Discard, d, ft); err != nil {
			b.Fatal(err)
		}
	}
}
