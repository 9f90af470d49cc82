package web_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// BenchmarkNoticeAndSheets times, on the demo, the notice PDF of the 2022
// run (warm: the font is loaded once per process) and the cold ZIP of the
// 86 counties' score sheets (a fresh site each iteration, so that no
// analysis is cached). Run with -benchtime=1x or 3x: each iteration seeds a
// demo.
func BenchmarkNoticeAndSheets(b *testing.B) {
	for range b.N {
		b.StopTimer()
		d := newDemoSite(b)
		runs, err := d.db.Runs(ctx, store.RunFilter{State: auth.StatePublished})
		if err != nil {
			b.Fatal(err)
		}
		var id int64
		for _, r := range runs {
			if r.Period == "2022" {
				id = r.ID
			}
		}
		ana := d.as(b, "ana")
		ana.do("GET", fmt.Sprintf("/notice.pdf?run=%d", id), nil) // loads the font
		b.StartTimer()
		start := time.Now()
		r := ana.do("GET", fmt.Sprintf("/notice.pdf?run=%d", id), nil)
		pdf := time.Since(start)
		if r.status != http.StatusOK {
			b.Fatalf("notice.pdf: %d", r.status)
		}
		start = time.Now()
		r = ana.do("GET", fmt.Sprintf("/runs/%d/sheets.zip", id), nil)
		zip := time.Since(start)
		if r.status != http.StatusOK || len(r.body) < 1000 {
			b.Fatalf("sheets.zip: %d, %d bytes", r.status, len(r.body))
		}
		b.ReportMetric(pdf.Seconds(), "pdf-s")
		b.ReportMetric(zip.Seconds(), "zip-s")
	}
}
