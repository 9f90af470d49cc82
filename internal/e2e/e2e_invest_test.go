package e2e

import (
	"archive/zip"
	"context"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
)

// The month of the walk: 古浪县's project from 上海 with 2.5 亿元 of
// shareholders' funds in June 2024; the first report lacks the funds'
// evidence (凭证), which the prefecture asks for.
const (
	e2eInvestID       = "2024-620622-44-03-900001"
	e2eInvestProjects = "项目编号,项目名称,所在地代码,投资方,投资方代码,投资方所在地,签约日期,签约活动,协议投资额,合同开工日期,实际开工日期,合同投产日期,实际投产日期,终止日期,增资对象\n" +
		e2eInvestID + ",（示例）光伏组件项目,620622,示例新能源科技有限公司,91310000MA1FL0001R,310115,2024-06-15,,10,2024-09-30,,,,,\n"
	e2eInvestFundsNoEvidence = "项目编号,月份,金额,资金来源,凭证\n" + e2eInvestID + ",2024-06,2.5,股东出资,\n"
	e2eInvestFunds           = "项目编号,月份,金额,资金来源,凭证\n" + e2eInvestID + ",2024-06,2.5,股东出资,银行进账单 2024-06-20\n"
	e2ePassword              = "Qx-E2e-Invest-2024!"
)

// TestInvestMonthInTheBrowser walks a month of the investment reporting
// through the pages (issue 17): the province opens June 2024; 古浪县
// enters a project and its funds; 武威市 returns the report with an
// opinion; the county reads it, adds the evidence and submits again; the
// prefecture and the province pass it; the deadline passes and the month
// locks; the monthly report downloads; the province publishes the month
// and the public summary changes from nothing published to June's funds.
// It has its own server: a month task changes what /invest shows.
func TestInvestMonthInTheBrowser(t *testing.T) {
	ctx := Browser(t)
	s, err := StartDemo(t.TempDir())
	if err != nil {
		t.Fatalf("starting the demo server: %v", err)
	}
	t.Cleanup(s.Close)
	dir := Artifacts(t)
	hash, err := auth.HashPassword(e2ePassword)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []store.User{{Username: "gulang", Role: auth.RoleCounty, Unit: "620622", DisplayName: "古浪县招商局"},
		{Username: "wuwei", Role: auth.RolePrefecture, Unit: "620600", DisplayName: "武威市投促局"}} {
		u.PasswordHash = hash
		if _, err := s.DB.CreateUser(context.Background(), store.Actor{Username: "e2e"}, u); err != nil {
			t.Fatal(err)
		}
	}
	as := func(user, password string) {
		t.Helper()
		Open(t, ctx, s.URL+"/", 1366)
		if Count(t, ctx, `form[action="/logout"]`) > 0 {
			// Unmark the page first, so that the wait is for the page the
			// logout leads to, not for this one (else the login below may
			// navigate while the logout is still on its way: ERR_ABORTED).
			Do(t, ctx, "log out", chromedp.Evaluate[chromedp.Void](`document.body.removeAttribute("data-ready")`),
				chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)),
				chromedp.WaitVisible(chromedp.CSS(`body[data-ready]`)))
		}
		Login(t, ctx, s.URL, user, password)
	}
	review := func(name string) {
		t.Helper()
		Open(t, ctx, s.URL+"/invest/review", 1366)
		Screenshot(t, ctx, dir, "invest-review-"+name)
	}
	submit := func(what, selector string) {
		t.Helper()
		Do(t, ctx, what, chromedp.Evaluate[chromedp.Void](`document.body.removeAttribute("data-ready")`),
			chromedp.Click(chromedp.CSS(selector)), chromedp.WaitVisible(chromedp.CSS(`body[data-ready]`)))
		if Count(t, ctx, "#done") != 1 {
			t.Fatalf("%s: no confirmation: %s", what, Eval[string](t, ctx, `document.querySelector("main").innerText`))
		}
	}
	summary := func() string {
		t.Helper()
		Open(t, ctx, s.URL+"/invest", 1366)
		return Eval[string](t, ctx, `document.querySelector("main").innerText`)
	}

	// The province opens June 2024 until the end of 2099.
	as(seed.AdminUser, AdminPassword)
	if txt := summary(); !strings.Contains(txt, "2023 年") {
		t.Errorf("before any month task the summary shows the demo ledger through 2023: %s", txt)
	}
	review("province-empty")
	Do(t, ctx, "open June", chromedp.SetValue(chromedp.CSS(`#new-month input[name=month]`), "2024-06"),
		chromedp.SetValue(chromedp.CSS(`#new-month input[name=deadline]`), "2099-12-31"))
	submit("open June", `#new-month button[type=submit]`)
	if txt := summary(); !strings.Contains(txt, "还没有已发布") {
		t.Errorf("with a month task and none published, the summary shows: %s", txt)
	}

	// 古浪县 enters the project and its funds, without evidence.
	as("gulang", e2ePassword)
	review("county")
	form := `article[data-month="2024-06"] form.report-form`
	Do(t, ctx, "fill the report", chromedp.SetValue(chromedp.CSS(form+` textarea[name=projects]`), e2eInvestProjects),
		chromedp.SetValue(chromedp.CSS(form+` textarea[name=funds]`), e2eInvestFundsNoEvidence))
	submit("submit", form+` button[value=submit]`)

	// 武威市 returns it with an opinion.
	as("wuwei", e2ePassword)
	review("prefecture")
	report := `#waiting article[data-county="620622"]`
	if Count(t, ctx, report) != 1 {
		t.Fatalf("the prefecture does not see the report")
	}
	Do(t, ctx, "opinion", chromedp.SetValue(chromedp.CSS(report+` input[name=opinion]`), "到位资金缺少凭证，请补充银行进账单"))
	submit("return", report+` button[value=return]`)

	// The county reads the opinion, adds the evidence and submits again.
	as("gulang", e2ePassword)
	review("county-returned")
	if txt := Eval[string](t, ctx, `document.querySelector('article[data-month="2024-06"]').innerText`); !strings.Contains(txt, "缺少凭证") || !strings.Contains(txt, "退回") {
		t.Errorf("the county does not see the return: %s", txt)
	}
	Do(t, ctx, "correct", chromedp.SetValue(chromedp.CSS(form+` textarea[name=funds]`), e2eInvestFunds))
	submit("resubmit", form+` button[value=submit]`)

	// The prefecture passes it, then the province, into the ledger.
	as("wuwei", e2ePassword)
	review("prefecture-again")
	submit("prefecture pass", report+` button[value=pass]`)
	as(seed.AdminUser, AdminPassword)
	review("province")
	submit("province pass", report+` button[value=pass]`)
	Open(t, ctx, s.URL+"/invest/projects/"+e2eInvestID, 1366)
	if got := Eval[string](t, ctx, `document.querySelector("#invest-counted").innerText`); !strings.HasPrefix(got, "2.50") {
		t.Errorf("the project's funds in place: %q", got)
	}
	Screenshot(t, ctx, dir, "invest-project")

	// The deadline passes: moved to 10 July 2024, the month is locked.
	review("province-passed")
	Do(t, ctx, "move the deadline", chromedp.SetValue(chromedp.CSS(`#new-month input[name=month]`), "2024-06"),
		chromedp.SetValue(chromedp.CSS(`#new-month input[name=deadline]`), "2024-07-10"))
	submit("deadline", `#new-month button[type=submit]`)
	if txt := Eval[string](t, ctx, `document.querySelector('#months tr[data-month="2024-06"]').innerText`); !strings.Contains(txt, "已锁定") {
		t.Errorf("the month is not locked: %s", txt)
	}

	// The monthly report downloads, with its header block and 古浪县.
	book := Download(t, ctx, `#months tr[data-month="2024-06"] a[href^="/invest/report.xlsx"]`)
	text := workbookStrings(t, book)
	for _, want := range []string{"招商引资情况月报", "填报单位：甘肃省", "报告期：2024 年 1–6 月", "古浪县", "武威市"} {
		if !strings.Contains(text, want) {
			t.Errorf("the monthly report lacks %q", want)
		}
	}

	// The same report as a page, printed to PDF.
	Open(t, ctx, s.URL+"/invest/report?month=2024-06", 1366)
	Screenshot(t, ctx, dir, "invest-report")
	pdf := Download(t, ctx, `a[href^="/invest/report.pdf"]`)
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("the report's PDF: %v %.20q", err, b)
	}

	// Published, the summary shows June: 2.5 亿元 from 上海 (省外).
	review("province-locked")
	submit("publish", `#months tr[data-month="2024-06"] form[action$="/publish"] button`)
	txt := summary()
	if !strings.Contains(txt, "2024 年 1–6 月") || Eval[string](t, ctx, `document.querySelector("#fig-funds").innerText`) != "2.50" {
		t.Errorf("the published summary: %s", txt)
	}
	Screenshot(t, ctx, dir, "invest-summary")
	Open(t, ctx, s.URL+"/invest", 390)
	if o := Overflow(t, ctx); o > 0 {
		t.Errorf("/invest scrolls sideways by %d px at 390 px", o)
	}
}

// workbookStrings is the text of a workbook's shared strings.
func workbookStrings(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var b strings.Builder
	for _, f := range zr.File {
		if f.Name == "xl/sharedStrings.xml" || f.Name == "xl/worksheets/sheet1.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(&b, rc)
			rc.Close()
		}
	}
	return b.String()
}
