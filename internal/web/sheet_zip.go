package web

import (
	"archive/zip"
	"context"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"sync"

	"github.com/qiangxian/qiangxian/internal/report"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// sheetsZIP is GET /runs/{id}/sheets.zip: every evaluated county's score
// sheet of a run as workbooks in one ZIP, for the provincial office to
// send out (one entry per county, named code-name.xlsx).
func (s *Server) sheetsZIP(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	c := callerOf(r)
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	run, err := s.readableRun(r, id)
	if err != nil {
		return err
	}
	if c.anonymous() || !maySheet(c.principal(), "") {
		return deny(c, "the score sheets of run "+itoa(int(id)))
	}
	rows, err := s.db.Results(ctx, run.ID, store.ResultFilter{})
	if err != nil {
		return err
	}
	byUnit := map[string][]store.Result{}
	for _, x := range rows {
		byUnit[x.Unit] = append(byUnit[x.Unit], x)
	}
	codes := make([]string, 0, len(byUnit))
	for code := range byUnit {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	units, err := s.unitNames(ctx)
	if err != nil {
		return err
	}
	lang := pageLang(r)
	// The first ZIP of a run computes every county's gaps (some twenty
	// runs of the method per indicator and county, most indicators' scores
	// taken from the model's cache: see docs/PERFORMANCE.md; later ZIPs
	// come from the analyses' cache), so it is
	// streamed, entry by entry, rather than kept back until the end. A
	// failure half-way can then only cut the stream short (the client sees
	// a truncated ZIP), which the log records. The analyses are computed
	// ahead of the writer, a few counties at a time, so that both cores
	// work while a sheet is written.
	stop := s.prefetchAnalyses(ctx, run.ID, codes)
	defer stop()
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape("sheets-"+run.Period+"-"+itoa(int(run.ID))+".zip"))
	z := zip.NewWriter(w)
	for _, code := range codes {
		sh, err := s.buildSheet(ctx, run, units[code], byUnit[code])
		if err == nil {
			var f io.Writer
			if f, err = z.Create(code + "-" + units[code].Name + ".xlsx"); err == nil {
				err = xlsx.Write(f, report.SheetWorkbook(sh, lang))
			}
		}
		if err != nil {
			s.logError(r, "sheets.zip: cut short", err)
			return nil
		}
		http.NewResponseController(w).Flush()
	}
	if err := z.Close(); err != nil {
		s.logError(r, "sheets.zip: cut short", err)
	}
	return nil
}

// prefetchAnalyses computes the county analyses of codes in run id into
// the cache, in order, at most GOMAXPROCS at a time, until stop is called
// or all are done. Errors are left for the caller's own call to meet.
func (s *Server) prefetchAnalyses(ctx context.Context, id int64, codes []string) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	wg.Go(func() {
		for _, code := range codes {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			wg.Go(func() {
				defer func() { <-slots }()
				_, _ = s.countyAnalysis(ctx, id, code)
			})
		}
	})
	return func() { cancel(); wg.Wait() }
}
