package e2e

import (
	"context"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/xuri/excelize/v2"
)

// first returns the published 2022 run and the name of its first county.
func first(t *testing.T, s *Server) (store.Run, string) {
	t.Helper()
	ctx := context.Background()
	runs, err := s.DB.Runs(ctx, store.RunFilter{Period: "2022", State: auth.StatePublished})
	if err != nil || len(runs) == 0 {
		t.Fatalf("the demo's 2022 run: %v (%d runs)", err, len(runs))
	}
	rows, err := s.DB.Results(ctx, runs[0].ID, store.ResultFilter{Node: "total"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Group == "" && r.Rank == 1 {
			u, err := s.DB.Unit(ctx, r.Unit)
			if err != nil {
				t.Fatal(err)
			}
			return runs[0], u.Name
		}
	}
	t.Fatal("no county ranks first in 2022")
	return store.Run{}, ""
}

// TestNoticeDownloads logs in, opens the notice and downloads its Excel and
// PDF versions through the page's links: the workbook has the sheets
// 获奖名单, 综合排名, 分类排名 and 说明 with the first county in 综合排名!C2;
// the PDF's text names 十强县 and that county.
func TestNoticeDownloads(t *testing.T) {
	ctx := Browser(t)
	pdftotext := RequireTool(t, "pdftotext", "poppler-utils")
	s := demo(t)
	run, top := first(t, s)
	Login(t, ctx, s.URL, "admin", AdminPassword)
	Open(t, ctx, s.URL+"/notice", 1366)
	Screenshot(t, ctx, Artifacts(t), "notice-1366")

	book := Download(t, ctx, "#xlsx")
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatalf("the downloaded workbook: %v", err)
	}
	defer f.Close()
	want := []string{"获奖名单", "综合排名", "分类排名", "未取整得分", "说明"}
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("sheets %v, want %v", got, want)
	}
	if v, _ := f.GetCellValue("综合排名", "C2"); v != top {
		t.Errorf("综合排名!C2 = %q, want the first county %q", v, top)
	}
	if v, _ := f.GetCellValue("综合排名", "A2"); v != "1" {
		t.Errorf("综合排名!A2 = %q, want 1", v)
	}
	if v, _ := f.GetCellValue("说明", "B3"); v != strconv.FormatInt(run.ID, 10) {
		t.Errorf("说明!B3 = %q, want the run's id %d", v, run.ID)
	}
	if v, _ := f.GetCellValue("获奖名单", "A2"); v != "十强县" {
		t.Errorf("获奖名单!A2 = %q, want 十强县", v)
	}

	pdf := Download(t, ctx, "#pdf")
	out, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(out)
	for _, w := range []string{"十强县", top, "通报"} {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF's text lacks %q:\n%.600s", w, text)
		}
	}
}
