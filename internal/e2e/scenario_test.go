package e2e

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/ingest"
	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/xlsx"
	"github.com/xuri/excelize/v2"
)

// TestYearInTheBrowser is the year of issue 7's "Tests", done in the
// browser through the pages alone, the data by the administrator and the
// run by the office's chain of three users (issue 12): the 2023
// template downloaded from /data, filled from last year's figures, uploaded
// with two bad cells (both named) and then fixed (explaining any cell the
// check rules flag on the held import's page); a re-run of 2022 (no page
// declares 2023's county types, without which 2023 cannot be computed)
// moved on its lifecycle page through review (analyst), 公示 with its days
// (office head), objections once the window has closed (the server's clock
// moved on), approval with the meeting's record and publication with full
// visibility (approver), superseding the first 2022 run; the dashboard
// of that run (86 tiles, ten names), the profile of 肃州区 (explanation and
// gap) and the notice's Excel and PDF downloads. Every page is checked for
// sideways scrolling at 1366 and 390 px and saved as a screenshot.
//
// It has its own server: publishing a new run changes what the demo's
// pages show by default, which the other tests rely on.
func TestYearInTheBrowser(t *testing.T) {
	ctx := Browser(t)
	pdftotext := RequireTool(t, "pdftotext", "poppler-utils")
	s, err := StartDemo(t.TempDir())
	if err != nil {
		t.Fatalf("starting the demo server: %v", err)
	}
	t.Cleanup(s.Close)
	y := &year{t: t, ctx: ctx, s: s, dir: Artifacts(t)}
	Login(t, ctx, s.URL, seed.AdminUser, AdminPassword)

	// The template of 2023: every county, every indicator.
	Open(t, ctx, s.URL+"/data", 1366)
	Do(t, ctx, "choose 2023", chromedp.SetValue(chromedp.CSS(`#template input[name=period]`), "2023"))
	y.widths("data")
	book := Download(t, ctx, `#template button[type=submit]`)
	tpl, err := xlsx.ReadTable(book, ingest.TemplateSheet)
	if err != nil {
		t.Fatalf("the downloaded template: %v", err)
	}
	if len(tpl.Rows) != 86 {
		t.Fatalf("the template has %d county rows, want 86", len(tpl.Rows))
	}

	// Two bad cells: nothing is imported and both are named.
	cols := indicatorColumns(tpl.Header)
	if len(cols) < 2 {
		t.Fatalf("the template has indicator columns %v", cols)
	}
	bad := map[[2]int]string{{0, cols[0]}: "一百", {1, cols[1]}: "12..5"}
	y.upload(fillTemplate(t, tpl, bad, "bad.xlsx"))
	Do(t, ctx, "wait for the errors", chromedp.WaitVisible(chromedp.CSS(`#errors`)))
	if n := Count(t, ctx, "#errors tr.cell-error"); n != 2 {
		t.Errorf("the page lists %d errors, want 2", n)
	}
	txt := Eval[string](t, ctx, `document.querySelector("#errors").textContent`)
	for cell := range bad {
		name, _ := excelize.CoordinatesToCellName(cell[1]+1, cell[0]+2)
		if !strings.Contains(txt, ingest.TemplateSheet+"!"+name) {
			t.Errorf("the errors do not name %s!%s: %s", ingest.TemplateSheet, name, txt)
		}
	}
	y.widths("data-errors")

	// The fixed workbook goes in, through the held import's page if the
	// check rules flag some of its figures.
	y.upload(fillTemplate(t, tpl, nil, "good.xlsx"))
	if strings.HasPrefix(y.path(), "/collection/imports/") {
		n := Count(t, ctx, "#findings textarea")
		if n == 0 {
			t.Fatalf("the held import %s lists no cell to explain", y.path())
		}
		y.widths("held-import")
		Do(t, ctx, "explain the flagged cells",
			chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("#findings textarea").forEach(a => a.value = "按上年数增长5%测算，已核实")`),
			clickAndWait(`form[action^="/collection/imports/"] button[type=submit]`))
	}
	Do(t, ctx, "wait for the confirmation", chromedp.WaitVisible(chromedp.CSS(`#imported`)))
	y.widths("imported")

	// The run. Counties' types are declared per year and no page declares
	// them for 2023, so a 2023 run cannot be computed through the pages
	// ("no unit has declared types and figures for 2023"): the year's run
	// here is the re-run of the published 2022 run on the latest data, from
	// its lifecycle page, by the analyst (经办) — the first of the office's
	// chain of three users (issue 12).
	analyst, head, approver := addChain(t, s)
	switchUser(t, ctx, s, analyst)
	Open(t, ctx, s.URL+"/runs", 1366)
	y.widths("runs")
	pub := Eval[string](t, ctx, `[...document.querySelectorAll('tr.run[data-state="published"]')].
		filter(tr => tr.cells[1].textContent.trim() === "2022").map(tr => tr.querySelector('a[href$="/lifecycle"]').getAttribute("href"))[0] || ""`)
	if pub == "" {
		t.Fatal("/runs lists no published 2022 run with a lifecycle link")
	}
	Open(t, ctx, s.URL+pub, 1366)
	y.widths("lifecycle-published")
	Do(t, ctx, "re-run 2022",
		sendKeys(`#life-rerun input[name=note]`, "数据更正后重算"),
		clickAndWait(`#life-rerun button[type=submit]`))
	var id int64
	if _, err := fmt.Sscanf(y.path(), "/runs/%d/lifecycle", &id); err != nil || pub == y.path() {
		t.Fatalf("the re-run led to %s: %s", y.path(), Eval[string](t, ctx, `document.querySelector("main").textContent`))
	}
	if run, err := s.DB.Run(context.Background(), id); err != nil || run.Period != "2022" || run.State != auth.StateDraft {
		t.Fatalf("the new run %d: %+v %v, want a 2022 draft", id, run, err)
	}
	y.widths("lifecycle-draft")

	// Its way to publication on the lifecycle page: the analyst sends it to
	// review, the office head opens the 公示 with its days.
	y.next(id, auth.StateReview)
	switchUser(t, ctx, s, head)
	Open(t, ctx, fmt.Sprintf("%s/runs/%d/lifecycle", s.URL, id), 1366)
	today := s.Clock.Now()
	start, end := today.Format(time.DateOnly), today.AddDate(0, 0, 13).Format(time.DateOnly)
	Do(t, ctx, "the days of 公示",
		chromedp.SetValue(chromedp.CSS(`#life-next input[name=start]`), start),
		chromedp.SetValue(chromedp.CSS(`#life-next input[name=end]`), end))
	y.next(id, auth.StateNotice)
	if w := Eval[string](t, ctx, `document.querySelector("#life-window p").textContent`); !strings.Contains(w, start) || !strings.Contains(w, end) {
		t.Errorf("the page does not show the window %s–%s: %q", start, end, w)
	}
	y.widths("lifecycle-notice")
	// The window closes; the analyst (her session long over) moves the run
	// on to objection handling and sets the visibility.
	s.Clock.Advance(15 * 24 * time.Hour)
	switchUser(t, ctx, s, analyst)
	Open(t, ctx, fmt.Sprintf("%s/runs/%d/lifecycle", s.URL, id), 1366)
	y.next(id, auth.StateObjections)
	if n := Count(t, ctx, `#life-objections tr.objection[data-outcome=""], #life-objections tr.objection[data-outcome="open"]`); n != 0 {
		t.Errorf("%d objections are open", n)
	}
	Do(t, ctx, "full visibility",
		chromedp.SetValue(chromedp.CSS(`#life-window form:has(input[name=op][value=visibility]) select`), string(auth.VisFull)),
		clickAndWait(`#life-window form:has(input[name=op][value=visibility]) button`))
	if Count(t, ctx, `#life-next`) != 0 {
		t.Error("the lifecycle page offers the analyst the approval")
	}
	// The approver approves with the record of the meeting and publishes.
	switchUser(t, ctx, s, approver)
	Open(t, ctx, fmt.Sprintf("%s/runs/%d/lifecycle", s.URL, id), 1366)
	Do(t, ctx, "the meeting's record",
		chromedp.SetValue(chromedp.CSS(`#life-next select[name=meeting]`), store.MeetingLeadingGroup),
		sendKeys(`#life-next input[name=minute_no]`, "甘县域领纪〔2026〕5号"))
	y.next(id, auth.StateApproved)
	y.widths("lifecycle-approved")
	if txt := Eval[string](t, ctx, `(document.querySelector("#life-approval") || {}).textContent || ""`); !strings.Contains(txt, "甘县域领纪〔2026〕5号") {
		t.Errorf("the lifecycle page shows the approval %q", txt)
	}
	y.next(id, auth.StatePublished)
	if run, err := s.DB.Run(context.Background(), id); err != nil || run.Visibility != auth.VisFull {
		t.Fatalf("the published run %d: %+v %v, want full visibility", id, run, err)
	}
	if old, err := s.DB.Run(context.Background(), mustRunID(t, pub)); err != nil || old.State != auth.StateSuperseded {
		t.Errorf("the first 2022 run after the re-run's publication: %+v %v, want superseded", old, err)
	}
	Open(t, ctx, s.URL+"/runs", 1366)
	if st := Eval[string](t, ctx, fmt.Sprintf(`document.querySelector('tr.run[data-run="%d"]').dataset.state`, id)); st != string(auth.StatePublished) {
		t.Errorf("/runs shows run %d in state %q", id, st)
	}
	y.widths("runs-published")

	// The dashboard shows the new run by default: its number in the run
	// picker, its year in the heading.
	top := topNames(t, s, id)
	Open(t, ctx, s.URL+"/", 1366)
	if h := Eval[string](t, ctx, `document.querySelector("h1").textContent`); !strings.Contains(h, "2022") {
		t.Errorf("the dashboard's heading %q is not of 2022", h)
	}
	if sel := Eval[string](t, ctx, `document.querySelector("select[name=run]").value`); sel != strconv.FormatInt(id, 10) {
		t.Errorf("the dashboard shows run %s, want the new run %d", sel, id)
	}
	if n := Count(t, ctx, "#map [data-code]"); n != 86 {
		t.Errorf("the map has %d county tiles, want 86", n)
	}
	names := Eval[[]string](t, ctx, `[...document.querySelectorAll("#top10 li a")].map(a => a.textContent.trim())`)
	if len(names) != 10 {
		t.Errorf("the top 10 lists %d names, want 10: %v", len(names), names)
	} else if !strings.Contains(names[0], top[0]) {
		t.Errorf("the top 10 starts with %q, want %s", names[0], top[0])
	}
	y.widths("dashboard")

	// 肃州区's profile in the new run: its explanation, for the approver
	// too; what it would take to rise (the gap block) only for the office
	// that sends the score sheets (the analyst) and the county itself, not
	// for the approver (maySheet).
	Open(t, ctx, fmt.Sprintf("%s/counties/620902?run=%d", s.URL, id), 1366)
	if n := Count(t, ctx, "#explain table.explain tr.contrib"); n < 10 {
		t.Errorf("the profile's explanation has %d rows", n)
	}
	if txt := Eval[string](t, ctx, `document.querySelector("#explain .summary").textContent`); !strings.Contains(txt, "名次") {
		t.Errorf("the explanation says %q", txt)
	}
	if n := Count(t, ctx, "#gap"); n != 0 {
		t.Error("the approver's view of the profile shows the gap block")
	}
	switchUser(t, ctx, s, analyst)
	Open(t, ctx, fmt.Sprintf("%s/counties/620902?run=%d", s.URL, id), 1366)
	if n := Count(t, ctx, "#gap li.pts-line, #gap li.gap-line, #gap tr.worth"); n == 0 {
		t.Errorf("the analyst's view of the profile has no gap lines: %q",
			Eval[string](t, ctx, `(document.querySelector("#gap") || {}).textContent || "no #gap"`))
	}
	y.widths("county")

	// The notice and its downloads.
	Open(t, ctx, fmt.Sprintf("%s/notice?run=%d", s.URL, id), 1366)
	y.widths("notice")
	f, err := excelize.OpenFile(Download(t, ctx, "#xlsx"))
	if err != nil {
		t.Fatalf("the downloaded notice workbook: %v", err)
	}
	defer f.Close()
	want := []string{"获奖名单", "综合排名", "分类排名", "未取整得分", "说明"}
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("sheets %v, want %v", got, want)
	}
	if v, _ := f.GetCellValue("综合排名", "C2"); v != top[0] {
		t.Errorf("综合排名!C2 = %q, want the first county %q", v, top[0])
	}
	if v, _ := f.GetCellValue("说明", "B3"); v != strconv.FormatInt(id, 10) {
		t.Errorf("说明!B3 = %q, want the run's id %d", v, id)
	}
	out, err := exec.Command(pdftotext, "-layout", Download(t, ctx, "#pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	for _, w := range []string{"十强县", top[0], "2022"} {
		if !strings.Contains(string(out), w) {
			t.Errorf("the PDF's text lacks %q:\n%.600s", w, out)
		}
	}
}

// year carries the scenario's browser, server and screenshot folder.
type year struct {
	t   *testing.T
	ctx context.Context
	s   *Server
	dir string
	n   int // screenshots so far, to keep them in order
}

// path is the current page's path.
func (y *year) path() string {
	return Eval[string](y.t, y.ctx, `location.pathname`)
}

// query is a parameter of the current page's address.
func (y *year) query(name string) string {
	q, _ := url.ParseQuery(strings.TrimPrefix(Eval[string](y.t, y.ctx, `location.search`), "?"))
	return q.Get(name)
}

// widths checks the current page at 1366 and 390 px for sideways
// scrolling and saves both screenshots, without reloading it (it may be
// the answer to a form), then goes back to 1366 px.
func (y *year) widths(name string) {
	y.t.Helper()
	y.n++
	for _, w := range []int{1366, 390} {
		Do(y.t, y.ctx, "resize", chromedp.EmulateViewport(int64(w), 900))
		if o := Overflow(y.t, y.ctx); o > 0 {
			y.t.Errorf("%s (%s) at %d px scrolls sideways by %d px", name, y.path(), w, o)
		}
		Screenshot(y.t, y.ctx, y.dir, fmt.Sprintf("year-%02d-%s-%d", y.n, name, w))
	}
	Do(y.t, y.ctx, "resize", chromedp.EmulateViewport(1366, 900))
}

// upload sends path with the import form of /data for 2023 and waits for
// the page it leads to.
func (y *year) upload(path string) {
	y.t.Helper()
	Open(y.t, y.ctx, y.s.URL+"/data?period=2023", 1366)
	Do(y.t, y.ctx, "upload "+filepath.Base(path),
		chromedp.SetUploadFiles(chromedp.CSS(`#import input[name=file]`), []string{path}),
		chromedp.SetValue(chromedp.CSS(`#import input[name=period]`), "2023"),
		sendKeys(`#import input[name=note]`, "2023年报送"),
		clickAndWait(`#import button[type=submit]`))
}

// next submits the lifecycle page's form for the next state, which must
// be to, and checks that the run is there.
func (y *year) next(id int64, to auth.RunState) {
	y.t.Helper()
	if got := Eval[string](y.t, y.ctx, `(document.querySelector("#life-next input[name=state]") || {}).value || ""`); got != string(to) {
		y.t.Fatalf("the lifecycle page offers the state %q, want %q", got, to)
	}
	Do(y.t, y.ctx, "move to "+string(to), clickAndWait(`#life-next button[type=submit]`))
	if want := fmt.Sprintf("/runs/%d/lifecycle", id); y.path() != want {
		y.t.Fatalf("moving to %s led to %s: %s", to, y.path(), Eval[string](y.t, y.ctx, `document.querySelector("main").textContent`))
	}
	if run, err := y.s.DB.Run(context.Background(), id); err != nil || run.State != to {
		y.t.Fatalf("run %d after moving to %s: %+v %v", id, to, run, err)
	}
}

// indicatorColumns are the template's columns to fill: an indicator's
// name with its code in brackets, not a reference column.
func indicatorColumns(header []string) []int {
	var cols []int
	for j, h := range header {
		if strings.Contains(h, "（") && !strings.HasPrefix(h, ingest.ReferencePrefix) {
			cols = append(cols, j)
		}
	}
	return cols
}

// fillTemplate writes the template with every county's figures set to last
// year's reference figure plus 5 % (the check rules flag changes over 30 %),
// blank where last year's is, and the text of bad at its {row, column}
// (0-based, below the header); it returns the file's path.
func fillTemplate(t *testing.T, tpl *table.Table, bad map[[2]int]string, name string) string {
	t.Helper()
	ref := map[string]int{} // indicator code → its reference column
	for j, h := range tpl.Header {
		if strings.HasPrefix(h, ingest.ReferencePrefix) {
			ref[h[strings.LastIndex(h, " ")+1:]] = j
		}
	}
	header := make([]any, len(tpl.Header))
	for j, h := range tpl.Header {
		header[j] = h
	}
	rows := [][]any{header}
	for i, r := range tpl.Rows {
		row := make([]any, len(r))
		for j, h := range tpl.Header {
			switch {
			case strings.HasPrefix(h, ingest.ReferencePrefix):
			case strings.Contains(h, "（"):
				code := strings.TrimSuffix(h[strings.LastIndex(h, "（")+len("（"):], "）")
				if k, ok := ref[code]; ok {
					if v, err := strconv.ParseFloat(r[k], 64); err == nil {
						row[j] = v * 1.05
					}
				}
			default:
				row[j] = r[j]
			}
			if v, ok := bad[[2]int{i, j}]; ok {
				row[j] = v
			}
		}
		rows = append(rows, row)
	}
	path := filepath.Join(t.TempDir(), name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := xlsx.Write(f, []xlsx.Sheet{{Name: ingest.TemplateSheet, Rows: rows}}); err != nil {
		t.Fatal(err)
	}
	return path
}

// topNames reads the run's overall ranking from the store: the names of
// its counties from first place down, the expected values of the pages.
func topNames(t *testing.T, s *Server, id int64) []string {
	t.Helper()
	ctx := context.Background()
	rows, err := s.DB.Results(ctx, id, store.ResultFilter{Node: "total"})
	if err != nil {
		t.Fatal(err)
	}
	byRank := map[float64]string{}
	for _, r := range rows {
		if r.Group == "" && r.Rank > 0 {
			u, err := s.DB.Unit(ctx, r.Unit)
			if err != nil {
				t.Fatal(err)
			}
			byRank[r.Rank] = u.Name
		}
	}
	var names []string
	for k := 1; byRank[float64(k)] != ""; k++ {
		names = append(names, byRank[float64(k)])
	}
	if len(names) < 10 {
		t.Fatalf("run %d ranks %d counties in a row from the first", id, len(names))
	}
	return names
}

// mustRunID is the run id of a /runs/{id}/lifecycle path.
func mustRunID(t *testing.T, path string) int64 {
	t.Helper()
	var id int64
	if _, err := fmt.Sscanf(path, "/runs/%d/lifecycle", &id); err != nil {
		t.Fatalf("%s is not a lifecycle path", path)
	}
	return id
}
