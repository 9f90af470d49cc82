package web_test

import (
	"fmt"
	"io"
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
		// The ZIP may take longer than the test client's minute on a
		// loaded machine: a client without a time limit.
		req, err := http.NewRequest("GET", fmt.Sprintf("%s/runs/%d/sheets.zip", d.url, id), nil)
		if err != nil {
			b.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+d.tokens["ana"])
		cpu0 := cpuTime()
		start = time.Now()
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		n, err := io.Copy(io.Discard, res.Body)
		res.Body.Close()
		zip := time.Since(start)
		cpu := cpuTime() - cpu0
		if err != nil || res.StatusCode != http.StatusOK || n < 1000 {
			b.Fatalf("sheets.zip: %d, %d bytes, %v", res.StatusCode, n, err)
		}
		b.ReportMetric(pdf.Seconds(), "pdf-s")
		b.ReportMetric(zip.Seconds(), "zip-s")
		// The process's CPU time for the ZIP (the server runs in this
		// process): on a loaded machine the wall time says little, the
		// CPU seconds over the cores it can use say what an idle one takes.
		b.ReportMetric(cpu.Seconds(), "zip-cpu-s")
	}
}
