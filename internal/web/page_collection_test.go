package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// addUsers gives the demo site more accounts, each with an API token.
func (d *demoSite) addUsers(t *testing.T, us ...store.User) {
	t.Helper()
	for _, u := range us {
		u.PasswordHash = passwordHash
		_, err := d.db.CreateUser(ctx, store.Actor{Username: "test"}, u)
		must(t, err)
		tok, _, err := d.db.CreateAPIToken(ctx, store.Actor{Username: "test"}, u.Username, "test", time.Time{})
		must(t, err)
		d.tokens[u.Username] = tok
	}
}

// figures2022 reads the 2022 figures of indicator by county.
func figures2022(t *testing.T, d *demoSite, indicator string) map[string]float64 {
	t.Helper()
	var obs []struct {
		Unit  string
		Value float64
	}
	r := d.as(t, "ana").do("GET", "/api/v1/observations?period=2022&indicator="+indicator, nil)
	r.decode(t, &obs)
	out := map[string]float64{}
	for _, o := range obs {
		out[o.Unit] = o.Value
	}
	if len(out) != 86 {
		t.Fatalf("%d counties have a 2022 %s, want 86", len(out), indicator)
	}
	return out
}

// grown is a CSV of indicator for 2023: every county's 2022 figure grown by
// 5 %, except those of odd, which get factor instead.
func grown(last map[string]float64, indicator string, odd map[string]float64) string {
	var b strings.Builder
	b.WriteString("代码," + indicator + "\n")
	for u, v := range last {
		f := 1.05
		if x, ok := odd[u]; ok {
			f = x
		}
		fmt.Fprintf(&b, "%s,%.4f\n", u, v*f)
	}
	return b.String()
}

// TestWorkflowYear is the collection and confirmation part of a year on the
// demo: the analyst opens the 2023 tasks from the method; 统计局 uploads GDP,
// one county's figure up 60 % is held until explained and the explanation
// is stored with it; 财政厅 fills the per-county form; 商务厅 uploads after
// its deadline and shows late; a reminder reaches a department's data
// page; 凉州区 objects to its GDP with a PDF, 统计局 upholds it and
// corrects the figure in a new revision; a hard rule rejects a negative
// GDP at its cell; an event with its document reaches the county it
// concerns and no other.
func TestWorkflowYear(t *testing.T) {
	d := newDemoSite(t)
	d.addUsers(t, store.User{Username: "czt", Role: auth.RoleDepartment, Department: "财政厅"},
		store.User{Username: "swt", Role: auth.RoleDepartment, Department: "商务厅"})
	ana, tjj, czt, swt := d.as(t, "ana"), d.as(t, "tjj"), d.as(t, "czt"), d.as(t, "swt")
	ms, err := d.db.Methods(ctx)
	must(t, err)

	// The analyst opens the period from the method's catalogue; 商务厅's
	// deadline is already past.
	future := time.Now().AddDate(0, 1, 0).Format(time.DateOnly)
	r := ana.do("POST", "/api/v1/collection/tasks", map[string]any{"period": "2023", "deadline": future, "method": ms[0].ID})
	var tasks []struct {
		ID                    int64
		Indicator, Department string
		Status                string
		Supplied, Expected    int
	}
	r.decode(t, &tasks)
	if r.status != http.StatusCreated || len(tasks) < 20 || tasks[0].Expected != 86 {
		t.Fatalf("POST tasks: %d, %d tasks: %.300s", r.status, len(tasks), r.body)
	}
	for _, task := range tasks {
		if task.Indicator == "gdp_pc" || task.Indicator == "fiscal_growth" {
			t.Errorf("derived indicator %s got a task", task.Indicator)
		}
	}
	r = ana.do("POST", "/api/v1/collection/tasks", map[string]any{"period": "2023", "deadline": "2023-03-31",
		"indicators": []string{"retail"}})
	if r.status != http.StatusCreated {
		t.Fatalf("retail task: %d %s", r.status, r.body)
	}

	// 统计局: GDP with 凉州区 up 60 %: held, the cell named, nothing written.
	gdp := figures2022(t, d, "gdp")
	r = tjj.do("POST", "/api/v1/collection/imports", upload(t, "gdp-2023.csv", grown(gdp, "gdp", map[string]float64{"620602": 1.6}),
		map[string]string{"period": "2023"}))
	var held struct {
		ID       int64
		Findings []struct{ Unit, Indicator, Place, Message, Severity string }
	}
	r.decode(t, &held)
	if r.status != http.StatusAccepted || len(held.Findings) != 1 || held.Findings[0].Unit != "620602" ||
		!strings.HasPrefix(held.Findings[0].Place, "gdp-2023.csv:") || !strings.Contains(held.Findings[0].Message, "60%") {
		t.Fatalf("held upload: %d %s", r.status, r.body)
	}
	if obs := ana.do("GET", "/api/v1/observations?period=2023&indicator=gdp", nil); string(obs.body) != "[]\n" && string(obs.body) != "null\n" {
		t.Fatalf("a held upload wrote figures: %s", obs.body)
	}
	page := tjj.do("GET", fmt.Sprintf("/collection/imports/%d", held.ID), nil)
	if page.status != http.StatusOK || !strings.Contains(string(page.body), `data-unit="620602" data-indicator="gdp"`) {
		t.Fatalf("held page: %d", page.status)
	}
	// Named, with the figure it replaces: none yet for 2023 (新增).
	for _, want := range []string{"<td>凉州区</td>", "地区生产总值 <small", "（亿元）", ">新增<"} {
		if !strings.Contains(string(page.body), want) {
			t.Errorf("the held page lacks %q", want)
		}
	}
	explain := fmt.Sprintf("/api/v1/collection/imports/%d/explanations", held.ID)
	if r := tjj.do("POST", explain, map[string]any{"explanations": []any{}}); r.status != http.StatusUnprocessableEntity ||
		!strings.Contains(string(r.body), "620602") {
		t.Fatalf("committing without the explanation: %d %s", r.status, r.body)
	}
	r = tjj.do("POST", explain, map[string]any{"explanations": []map[string]string{
		{"unit": "620602", "indicator": "gdp", "text": "新建铁合金项目全年投产"}}})
	var rev struct{ ID int64 }
	r.decode(t, &rev)
	if r.status != http.StatusCreated || rev.ID == 0 {
		t.Fatalf("explained commit: %d %s", r.status, r.body)
	}
	var exps []struct {
		Unit, Text string
		Revision   int64
	}
	d.as(t, "liangzhou").do("GET", "/api/v1/checks/explanations?period=2023", nil).decode(t, &exps)
	if len(exps) != 1 || exps[0].Unit != "620602" || exps[0].Revision != rev.ID || exps[0].Text != "新建铁合金项目全年投产" {
		t.Errorf("the county's explanations: %+v", exps)
	}

	// 财政厅: the per-county form of its task.
	fiscal := figures2022(t, d, "fiscal_rev")
	var fiscalTask int64
	for _, task := range tasks {
		if task.Indicator == "fiscal_rev" {
			fiscalTask = task.ID
		}
	}
	fields := url.Values{"note": {"表单报送"}}
	for u, v := range fiscal {
		fields.Set("v."+u, strconv.FormatFloat(v*1.05, 'f', 4, 64))
	}
	r = czt.do("POST", fmt.Sprintf("/collection/tasks/%d/form", fiscalTask), strings.NewReader(fields.Encode()))
	if r.status != http.StatusSeeOther || !strings.Contains(r.header.Get("Location"), "imported=") {
		t.Fatalf("the form: %d %s %.300s", r.status, r.header.Get("Location"), r.body)
	}

	// 商务厅: after its deadline.
	r = swt.do("POST", "/api/v1/collection/imports", upload(t, "retail.csv", grown(figures2022(t, d, "retail"), "retail", nil),
		map[string]string{"period": "2023"}))
	if r.status != http.StatusCreated {
		t.Fatalf("retail upload: %d %s", r.status, r.body)
	}
	ana.do("GET", "/api/v1/collection/tasks?period=2023", nil).decode(t, &tasks)
	status := map[string]string{}
	for _, task := range tasks {
		status[task.Indicator] = fmt.Sprintf("%s %d", task.Status, task.Supplied)
	}
	for ind, want := range map[string]string{"gdp": "supplied 86", "fiscal_rev": "supplied 86", "retail": "late 86", "grain": "open 0"} {
		if status[ind] != want {
			t.Errorf("task %s: %q, want %q", ind, status[ind], want)
		}
	}
	board := string(ana.do("GET", "/collection?period=2023", nil).body)
	if !regexp.MustCompile(`data-indicator="retail" data-status="late"`).MatchString(board) || !strings.Contains(board, "逾期报送") {
		t.Errorf("the board does not show retail late")
	}
	var swtTasks []json0
	swt.do("GET", "/api/v1/collection/tasks?period=2023", nil).decode(t, &swtTasks)
	if len(swtTasks) != 4 { // retail, funds_in, funds_in_prev, export
		t.Errorf("商务厅 sees %d tasks, want its 4", len(swtTasks))
	}

	// A reminder about an open task of 统计局 reaches its data page.
	var popTask int64
	for _, task := range tasks {
		if task.Indicator == "pop" {
			popTask = task.ID
		}
	}
	if r := ana.do("POST", fmt.Sprintf("/api/v1/collection/tasks/%d/reminders", popTask), map[string]string{"message": "请于月底前报送常住人口"}); r.status != http.StatusCreated {
		t.Fatalf("remind: %d %s", r.status, r.body)
	}
	if body := string(tjj.do("GET", "/data", nil).body); !strings.Contains(body, "请于月底前报送常住人口") {
		t.Error("the reminder is not on 统计局's data page")
	}
	if body := string(swt.do("GET", "/data", nil).body); strings.Contains(body, "请于月底前报送常住人口") {
		t.Error("another department sees 统计局's reminder")
	}

	// 凉州区 objects to its GDP with a PDF; 统计局 upholds and corrects it.
	lz := d.as(t, "liangzhou")
	if body := string(lz.do("GET", "/confirm?period=2023", nil).body); !strings.Contains(body, `data-unit="620602" data-indicator="gdp"`) ||
		strings.Contains(body, `data-unit="620102"`) {
		t.Fatal("the confirmation page does not show 凉州区 its own figures alone")
	}
	evidence := "%PDF-1.4 统计口径说明"
	r = lz.do("POST", "/api/v1/objections", upload(t, "口径说明.pdf", evidence, map[string]string{"unit": "620602",
		"indicator": "gdp", "period": "2023", "reason": "含已迁出企业产值，应剔除", "proposed": "600"}))
	var obj struct {
		ID             int64
		State          string
		AnswerRevision int64 `json:"answer_revision"`
		Thread         []struct {
			Kind        string
			Attachments []struct{ Href string }
		}
	}
	r.decode(t, &obj)
	if r.status != http.StatusCreated || obj.State != "open" {
		t.Fatalf("objection: %d %s", r.status, r.body)
	}
	if r := d.as(t, "chengguan").do("POST", "/api/v1/objections", map[string]any{"unit": "620602", "indicator": "gdp",
		"period": "2023", "reason": "x"}); r.status != http.StatusForbidden {
		t.Errorf("another county objects to 凉州区's figure: %d", r.status)
	}
	r = tjj.do("POST", fmt.Sprintf("/api/v1/objections/%d/answer", obj.ID), map[string]any{"decision": "correct", "value": 600,
		"answer": "经核实，异议成立，更正为 600"})
	r.decode(t, &obj)
	if r.status != http.StatusOK || obj.State != "corrected" || obj.AnswerRevision == 0 {
		t.Fatalf("answer: %d %s", r.status, r.body)
	}
	var figs []struct {
		Value    float64
		Status   string
		Revision int64
	}
	ana.do("GET", "/api/v1/observations?period=2023&indicator=gdp&unit=620602", nil).decode(t, &figs)
	if len(figs) != 1 || figs[0].Value != 600 || figs[0].Status != "corrected" || figs[0].Revision != obj.AnswerRevision {
		t.Errorf("the corrected figure: %+v, want 600 corrected in revision %d", figs, obj.AnswerRevision)
	}
	lz.do("GET", fmt.Sprintf("/api/v1/objections/%d", obj.ID), nil).decode(t, &obj)
	if len(obj.Thread) != 2 || obj.Thread[0].Kind != "raise" || obj.Thread[1].Kind != "correct" || len(obj.Thread[0].Attachments) != 1 {
		t.Fatalf("thread: %+v", obj.Thread)
	}
	if r := lz.do("GET", obj.Thread[0].Attachments[0].Href, nil); r.status != http.StatusOK || string(r.body) != evidence {
		t.Errorf("the county's attachment: %d %q", r.status, r.body)
	}
	if r := d.as(t, "chengguan").do("GET", obj.Thread[0].Attachments[0].Href, nil); r.status != http.StatusNotFound {
		t.Errorf("another county reads the attachment: %d", r.status)
	}
	if body := string(lz.do("GET", fmt.Sprintf("/confirm/objections/%d", obj.ID), nil).body); !strings.Contains(body, "经核实，异议成立") {
		t.Error("the objection page lacks the answer")
	}

	// A hard rule: no negative GDP, refused at its cell.
	if r := ana.do("POST", "/api/v1/checks/rules", map[string]any{"name": "GDP 不得为负", "kind": "bounds", "indicator": "gdp", "lo": 0}); r.status != http.StatusCreated {
		t.Fatalf("rule: %d %s", r.status, r.body)
	}
	r = tjj.do("POST", "/api/v1/collection/imports", upload(t, "bad.csv", "代码,gdp\n620102,-3\n", map[string]string{"period": "2023"}))
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(string(r.body), `"place":"bad.csv:2:2"`) {
		t.Errorf("negative GDP: %d %s", r.status, r.body)
	}

	// An event with its document, seen by the county it concerns only.
	ev := upload(t, "甘安委2023-7.pdf", "%PDF-1.4 通报", map[string]string{"unit": "620602", "date": "2023-06-01",
		"type": "较大安全生产事故", "document": "甘安委〔2023〕7号", "points": "-1"})
	if r := tjj.do("POST", "/events", ev); r.status != http.StatusSeeOther {
		t.Fatalf("recording an event: %d %.300s", r.status, r.body)
	}
	if body := string(lz.do("GET", "/events", nil).body); !strings.Contains(body, "甘安委〔2023〕7号") || !strings.Contains(body, "甘安委2023-7.pdf") {
		t.Error("凉州区 does not see its event and document")
	}
	if body := string(d.as(t, "chengguan").do("GET", "/events", nil).body); strings.Contains(body, "甘安委〔2023〕7号") {
		t.Error("城关区 sees 凉州区's event")
	}
}

// json0 is any JSON object, for counting.
type json0 = map[string]any
