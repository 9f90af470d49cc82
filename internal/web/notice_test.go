package web_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/docx"
	"github.com/qiangxian/qiangxian/internal/notice"
	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
)

// squeezed drops white space, which differs between renderings (line
// breaks inside paragraphs, spaces between table cells).
func squeezed(s string) string { return strings.Join(strings.Fields(s), "") }

// TestNoticeDocuments: on the demo's published 2022 run the public gets
// the notice as .docx, PDF and OFD, each with the example issuing body,
// the registered 文号, the approval phrase, a 总体情况 with the demo's
// totals, the three award lists, the reward sentence, 附注 and 版记; the
// PDF's text agrees with the .docx paragraph by paragraph; no run hash is
// printed; the office registers another 文号 after signing.
func TestNoticeDocuments(t *testing.T) {
	if notice.FontPath() == "" && os.Getenv("CI") == "" {
		t.Skip("no TrueType CJK font (fonts-arphic-gbsn00lp)")
	}
	d := newWinnersDemoSite(t) // 2021 at "winners": its notice has no scored table
	runs, err := d.db.Runs(ctx, store.RunFilter{State: auth.StatePublished})
	must(t, err)
	var run store.Run
	for _, r := range runs {
		if r.Period == "2022" {
			run = r
		}
	}
	anon := d.as(t, "")
	get := func(path, ctype string) []byte {
		t.Helper()
		r := anon.do("GET", path, nil)
		if r.status != http.StatusOK || !strings.Contains(r.header.Get("Content-Type"), ctype) {
			t.Fatalf("GET %s: %d %s %.200s", path, r.status, r.header.Get("Content-Type"), r.body)
		}
		return r.body
	}
	q := "?run=" + strconv.FormatInt(run.ID, 10)
	text, err := docx.ReadText(get("/notice.docx"+q, "wordprocessingml"))
	must(t, err)
	all := strings.Join(text.Paragraphs, "\n")

	// The 总体情况 figure: the sum of the 86 counties' 地区生产总值 of
	// 2022 as of the run's data, to one decimal.
	obs, err := d.db.Observations(ctx, store.ObservationFilter{AsOf: run.Revision, Indicators: []string{"gdp"}, Periods: []string{"2022"}})
	must(t, err)
	sum := 0.0
	for _, o := range obs {
		sum += o.Value
	}
	for _, want := range []string{
		seed.DemoIssuer + "文件", "示例〔2023〕1号", seed.DemoIssuer + "关于2022年度县域经济发展综合评价结果的通报",
		"经领导小组同意，现将评价结果通报如下。", "一、总体情况",
		fmt.Sprintf("2022年度，参评县（市、区）地区生产总值合计%s亿元", strconv.FormatFloat(sum, 'f', 1, 64)),
		"（一）十强县（10个）", "（二）先进县（", "（三）进步县（", "三、奖励措施", "对进步县授牌，每个奖励5000万元",
		"（此件公开发布）", "抄送：示例抄送机关。", seed.DemoIssuer + " 2023年6月8日印发",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the .docx lacks %q", want)
		}
	}
	hash := regexp.MustCompile(`[0-9a-f]{8,}`)
	if hash.MatchString(text.All()) || strings.ContainsAny(all, "()") {
		t.Error("the .docx prints a hex identifier or half-width brackets")
	}

	pdf := get("/notice.pdf"+q, "application/pdf")
	if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
		file := filepath.Join(t.TempDir(), "notice.pdf")
		must(t, os.WriteFile(file, pdf, 0o644))
		out, err := exec.Command(pdftotext, "-enc", "UTF-8", file, "-").Output()
		must(t, err)
		pdfText := squeezed(regexp.MustCompile(`(?m)^\s*— \d+ —\s*$`).ReplaceAllString(string(out), ""))
		at := 0
		for _, p := range text.Paragraphs {
			if strings.TrimSpace(p) == "" {
				continue
			}
			i := strings.Index(pdfText[at:], squeezed(p))
			if i < 0 {
				t.Errorf("the PDF lacks the .docx paragraph %q (in order)", p)
				continue
			}
			at += i + len(squeezed(p))
		}
		if hash.MatchString(string(out)) {
			t.Error("the PDF prints a hex identifier")
		}
		if dir := os.Getenv("QX_E2E_ARTIFACTS"); dir != "" {
			os.WriteFile(filepath.Join(dir, "notice-2022.pdf"), pdf, 0o644)
		}
	} else if os.Getenv("CI") != "" {
		t.Fatal("pdftotext is not installed")
	}

	ofd := get("/notice.ofd"+q, "application/ofd")
	z, err := zip.NewReader(bytes.NewReader(ofd), int64(len(ofd)))
	must(t, err)
	if len(z.File) < 4 || z.File[0].Name == "" {
		t.Errorf("the OFD has %d parts", len(z.File))
	}

	// The page shows the same document.
	page := string(get("/notice"+q, "text/html"))
	for _, want := range []string{"示例〔2023〕1号", "经领导小组同意", "（此件公开发布）"} {
		if !strings.Contains(page, want) {
			t.Errorf("/notice lacks %q", want)
		}
	}
	if strings.Contains(page, run.Hash[:12]) {
		t.Error("/notice prints the run hash")
	}

	// Registration after signing: the analyst writes back another 文号;
	// the public may not; the run's settings are fixed once published.
	reg := map[string]string{"doc_number": "示例〔2023〕2号", "signed": "2023-06-09"}
	path := fmt.Sprintf("/api/v1/runs/%d/notice/registration", run.ID)
	if r := anon.do("PUT", path, reg); r.status != http.StatusUnauthorized {
		t.Errorf("anonymous registration: %d, want 401", r.status)
	}
	if r := d.as(t, "liangzhou").do("PUT", path, reg); r.status != http.StatusForbidden {
		t.Errorf("a county's registration: %d, want 403", r.status)
	}
	if r := d.as(t, "ana").do("PUT", path, reg); r.status != http.StatusOK {
		t.Fatalf("registration: %d %s", r.status, r.body)
	}
	text, err = docx.ReadText(get("/notice.docx"+q, "wordprocessingml"))
	must(t, err)
	if all := strings.Join(text.Paragraphs, "\n"); !strings.Contains(all, "示例〔2023〕2号") || !strings.Contains(all, "2023年6月9日") {
		t.Error("the registered 文号 and 成文日期 are not in the notice")
	}
	if r := d.as(t, "ana").do("PUT", fmt.Sprintf("/api/v1/runs/%d/notice/settings", run.ID), map[string]string{"note": "x"}); r.status != http.StatusConflict {
		t.Errorf("settings of a published run: %d, want 409", r.status)
	}

	// 2021 publishes its winners only: no scored table.
	for _, r := range runs {
		if r.Period == "2021" {
			text, err := docx.ReadText(get("/notice.docx?run="+strconv.FormatInt(r.ID, 10), "wordprocessingml"))
			must(t, err)
			if len(text.Tables) != 0 || strings.Contains(strings.Join(text.Paragraphs, ""), "附件") {
				t.Errorf("the winners-only notice has %d tables", len(text.Tables))
			}
		}
	}
}

// TestPublicity: the 公示 notice of the proposed award list is public while
// its run is in 公示 (a run whose results are not otherwise public), as a
// page, .docx and PDF, with the window in working days and the complaints
// contact; without a run in 公示 the page says so.
func TestPublicity(t *testing.T) {
	d := newDemoSite(t)
	anon := d.as(t, "")
	if r := anon.do("GET", "/publicity", nil); r.status != http.StatusOK || !strings.Contains(string(r.body), "目前没有处于公示期的评价结果") {
		t.Fatalf("/publicity without a run in 公示: %d", r.status)
	}
	runs, err := d.db.Runs(ctx, store.RunFilter{State: auth.StatePublished})
	must(t, err)
	var pub store.Run
	for _, r := range runs {
		if r.Period == "2022" {
			pub = r
		}
	}
	// A copy of the 2022 run, moved to 公示 from Thursday 1 to Wednesday 7
	// June 2023: five working days.
	a := store.Actor{Username: "test"}
	run, err := d.db.CreateRun(ctx, a, store.NewRun{MethodID: pub.MethodID, Revision: pub.Revision, Period: "2022",
		Params: pub.Params, Visibility: auth.VisFull, ParentID: pub.ID})
	must(t, err)
	rows, err := d.db.Results(ctx, pub.ID, store.ResultFilter{})
	must(t, err)
	must(t, d.db.PutResults(ctx, a, run.ID, rows))
	_, err = d.db.Transition(ctx, a, run.ID, auth.StateReview, "")
	must(t, err)
	_, err = d.db.StartNotice(ctx, a, run.ID, time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(2023, 6, 7, 0, 0, 0, 0, time.UTC), "")
	must(t, err)
	if r := anon.do("GET", fmt.Sprintf("/notice.docx?run=%d", run.ID), nil); r.status == http.StatusOK {
		t.Error("the notice of a run in 公示 is public")
	}
	page := anon.do("GET", "/publicity", nil)
	for _, want := range []string{"关于2022年度县域经济发展综合评价拟表彰名单的公示", "公示期为2023年6月1日至2023年6月7日（5个工作日）",
		"（一）十强县（10个）", "须加盖本单位公章", "须署真实姓名", "联系电话：0000-00000000（示例）"} {
		if !strings.Contains(string(page.body), want) {
			t.Errorf("/publicity lacks %q", want)
		}
	}
	q := fmt.Sprintf("?run=%d", run.ID)
	dx := anon.do("GET", "/publicity.docx"+q, nil)
	text, err := docx.ReadText(dx.body)
	must(t, err)
	if !strings.Contains(strings.Join(text.Paragraphs, ""), "（5个工作日）") {
		t.Errorf("/publicity.docx: %d, lacks the window", dx.status)
	}
	if notice.FontPath() != "" {
		if r := anon.do("GET", "/publicity.pdf"+q, nil); r.status != http.StatusOK || !bytes.HasPrefix(r.body, []byte("%PDF-")) {
			t.Errorf("/publicity.pdf: %d", r.status)
		}
	}
}

// letterUpload builds the multipart body of a formal submission with its
// letter in the field "letter".
func letterUpload(t *testing.T, letter string, fields map[string]string) *multipartBody {
	t.Helper()
	m := &multipartBody{}
	w := multipart.NewWriter(&m.buf)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	f, err := w.CreateFormFile("letter", "报送函.pdf")
	must(t, err)
	io.WriteString(f, letter)
	must(t, w.Close())
	m.ctype = w.FormDataContentType()
	return m
}

// TestFormalSubmissionsAPI: 统计局 supplies its figures formally and 凉州区
// confirms its result, each with a stamped PDF letter; a county may not
// confirm for another, a letter must be a PDF, and only the office lists
// them and reads the letters.
func TestFormalSubmissionsAPI(t *testing.T) {
	d := newDemoSite(t)
	runs, err := d.db.Runs(ctx, store.RunFilter{State: auth.StatePublished})
	must(t, err)
	run := strconv.FormatInt(runs[0].ID, 10)
	const pdf = "%PDF-1.4\n% stamped letter\n"
	person := map[string]string{"leader": "张三", "contact": "李四", "phone": "0931-1234567", "signed": "2023-03-01"}
	with := func(kv ...string) map[string]string {
		m := map[string]string{}
		for k, v := range person {
			m[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	for _, tc := range []struct {
		name, user, letter string
		fields             map[string]string
		want               int
	}{
		{"a department supplies", "tjj", pdf, with("kind", "supply", "period", "2022"), http.StatusCreated},
		{"a county confirms", "liangzhou", pdf, with("kind", "confirmation", "run", run), http.StatusCreated},
		{"not for another county", "liangzhou", pdf, with("kind", "confirmation", "run", run, "unit", "620102"), http.StatusForbidden},
		{"not another department's", "tjj", pdf, with("kind", "supply", "period", "2022", "department", "财政厅"), http.StatusForbidden},
		{"a letter that is not a PDF", "tjj", "GIF89a", with("kind", "supply", "period", "2022"), http.StatusBadRequest},
		{"without a leader", "tjj", pdf, with("kind", "supply", "period", "2022", "leader", ""), http.StatusBadRequest},
		{"anonymous", "", pdf, with("kind", "supply", "period", "2022"), http.StatusUnauthorized},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := d.as(t, tc.user).do("POST", "/api/v1/formal-submissions", letterUpload(t, tc.letter, tc.fields))
			if r.status != tc.want {
				t.Errorf("%d %s, want %d", r.status, r.body, tc.want)
			}
		})
	}
	var list []struct {
		Kind, Department, Unit, Letter string
	}
	d.as(t, "ana").do("GET", "/api/v1/formal-submissions", nil).decode(t, &list)
	if len(list) != 2 || list[0].Department != "统计局" || list[1].Unit != "620602" {
		t.Fatalf("list %+v", list)
	}
	if r := d.as(t, "ana").do("GET", list[1].Letter, nil); r.status != http.StatusOK || string(r.body) != pdf {
		t.Errorf("letter: %d", r.status)
	}
	// The run's lifecycle page lists both as the evidence behind it: the
	// period's supply and the confirmation of this run, each with its letter.
	life := string(d.as(t, "ana").do("GET", "/runs/"+run+"/lifecycle", nil).body)
	if n := strings.Count(life, `<tr class="submission">`); n != 2 || !strings.Contains(life, "<td>部门报送</td><td>统计局</td>") ||
		!strings.Contains(life, "<td>县区确认</td><td>凉州区</td>") || !strings.Contains(life, `href="`+list[1].Letter+`"`) {
		t.Errorf("the lifecycle page lists %d formal submissions", n)
	}
	// The collection board marks 统计局's task of 2022 as formally submitted.
	if r := d.as(t, "ana").do("POST", "/api/v1/collection/tasks", map[string]any{"period": "2022", "deadline": "2023-03-31",
		"indicators": []string{"gdp", "retail"}}); r.status != http.StatusCreated {
		t.Fatalf("tasks: %d %s", r.status, r.body)
	}
	board := string(d.as(t, "ana").do("GET", "/collection?period=2022", nil).body)
	if !regexp.MustCompile(`<td>统计局</td>(?s:.*?)<td class="formal">已报送函件（\d{4}-\d\d-\d\d）</td>`).MatchString(board) ||
		!strings.Contains(board, `<td class="formal">—</td>`) {
		t.Error("the collection board does not mark 统计局's task as formally submitted and 商务厅's as not")
	}
	for _, u := range []string{"liangzhou", "tjj", ""} {
		if r := d.as(t, u).do("GET", "/api/v1/formal-submissions", nil); r.status == http.StatusOK {
			t.Errorf("%q lists the formal submissions", u)
		}
	}
}

// TestNoticeRegistrationForm: the office sees the registration form on
// /notice and registers the signed notice's 文号 and 成文日期 with it; the
// public sees no form, a county may not post it.
func TestNoticeRegistrationForm(t *testing.T) {
	d := newDemoSite(t)
	runs, err := d.db.Runs(ctx, store.RunFilter{Period: "2022", State: auth.StatePublished})
	must(t, err)
	id := strconv.FormatInt(runs[0].ID, 10)
	if page := d.as(t, "ana").do("GET", "/notice?run="+id, nil); !strings.Contains(string(page.body), `id="notice-register"`) {
		t.Error("the office sees no registration form")
	}
	if page := d.as(t, "").do("GET", "/notice?run="+id, nil); strings.Contains(string(page.body), `id="notice-register"`) {
		t.Error("the public sees the registration form")
	}
	post := "/runs/" + id + "/notice/registration"
	if r := d.as(t, "liangzhou").do("POST", post, form("doc", "示例〔2023〕9号", "signed", "2023-06-10")); r.status != http.StatusForbidden {
		t.Errorf("a county posts the form: %d, want 403", r.status)
	}
	if r := d.as(t, "ana").do("POST", post, form("doc", "示例〔2023〕9号", "signed", "2023-06-10")); r.status != http.StatusSeeOther {
		t.Fatalf("the form: %d %s", r.status, r.body)
	}
	text, err := docx.ReadText(d.as(t, "").do("GET", "/notice.docx?run="+id, nil).body)
	must(t, err)
	if all := strings.Join(text.Paragraphs, "\n"); !strings.Contains(all, "示例〔2023〕9号") || !strings.Contains(all, "2023年6月10日") {
		t.Error("the registered 文号 and date are not in the notice")
	}
}
