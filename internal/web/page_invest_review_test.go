package web_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// investReportCSV is 榆中县's June report: one project from 上海 signed on
// 2024-06-15 for 10 亿元, and 2.5 亿元 of shareholders' funds with a bank
// receipt in June.
const (
	investReportProjects = "项目编号,项目名称,所在地代码,投资方,投资方代码,投资方所在地,签约日期,签约活动,协议投资额,合同开工日期,实际开工日期,合同投产日期,实际投产日期,终止日期,增资对象\n" +
		"2024-620123-44-03-000009,（示例）光伏组件项目,620123,示例新能源科技有限公司,91310000MA1FL0001R,310115,2024-06-15,,10,2024-09-30,,,,,\n"
	investReportFunds = "项目编号,月份,金额,资金来源,凭证\n2024-620123-44-03-000009,2024-06,2.5,股东出资,银行进账单 2024-06-20\n"
)

// TestInvestReviewFlow walks a month through the pages: the province opens
// June 2024; 榆中县 submits; 兰州市 returns it with an opinion; the county
// resubmits; the prefecture and the province pass it, which puts it into
// the ledger; the province publishes the month and the summary shows it.
// A county may not review, a prefecture not another's county.
func TestInvestReviewFlow(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		srv := start(t, db, testConfig(), webHooks())
		as := func(who string) client { return client{t: t, base: srv.url, token: f.tokens[who]} }
		post := func(who, path string, kv ...string) response {
			t.Helper()
			return as(who).do("POST", path, form(kv...))
		}
		expect := func(r response, status int, what string) {
			t.Helper()
			if r.status != status {
				t.Fatalf("%s: status %d, want %d: %.500s", what, r.status, status, r.body)
			}
		}
		expect(post("root", "/invest/months", "month", "2024-06", "deadline", "2099-12-31"), seeOther, "open June")
		expect(post("yz", "/invest/review/2024-06", "action", "submit", "projects", investReportProjects, "funds", investReportFunds), seeOther, "submit")
		expect(post("yz", "/invest/review/2024-06/620123", "action", "pass"), forb, "a county reviewing itself")
		expect(post("lz", "/invest/review/2024-06/620123", "action", "return"), bad, "a return without an opinion")
		expect(post("lz", "/invest/review/2024-06/620123", "action", "return", "opinion", "请补充到位凭证"), seeOther, "return")
		if r := as("yz").do("GET", "/invest/review", nil); !strings.Contains(string(r.body), "请补充到位凭证") || !strings.Contains(string(r.body), `data-state="退回"`) {
			t.Errorf("the county does not see the opinion: %.3000s", r.body)
		}
		expect(post("yz", "/invest/review/2024-06", "action", "submit", "projects", investReportProjects, "funds", investReportFunds), seeOther, "resubmit")
		expect(post("root", "/invest/review/2024-06/620123", "action", "pass"), conf, "the province before the prefecture")
		expect(post("lz", "/invest/review/2024-06/620123", "action", "pass"), seeOther, "prefecture pass")
		if r := as("root").do("GET", "/invest/review", nil); !strings.Contains(string(r.body), `data-county="620123"`) {
			t.Errorf("the province does not see the report: %.3000s", r.body)
		}
		expect(post("root", "/invest/review/2024-06/620123", "action", "pass"), seeOther, "province pass")
		if r := as("root").do("GET", "/invest/projects/2024-620123-44-03-000009", nil); r.status != ok || !strings.Contains(string(r.body), "2.50") {
			t.Errorf("the passed project: %d", r.status)
		}
		// The monthly report: the header block and 榆中县's line (signed 1,
		// 10 亿元; funds 2.5 from 上海, all 省外).
		for who, want := range map[string][]string{
			"root": {"填报单位：甘肃省", "报告期：2024 年 1–6 月", "填表人：root", "榆中县", "620123", "兰州市", "平凉市"},
			"lz":   {"填报单位：兰州市", "榆中县", "<v>2.5</v>", "<v>10</v>"},
			"yz":   {"填报单位：榆中县", "榆中县"},
		} {
			text := workbookText(t, as(who).do("GET", "/invest/report.xlsx?month=2024-06", nil))
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("%s's report lacks %q", who, w)
				}
			}
			if who != "root" && strings.Contains(text, "平凉市") {
				t.Errorf("%s's report shows another prefecture", who)
			}
		}
		expect(as("").do("GET", "/invest/report.xlsx?month=2024-06", nil), seeOther, "anonymous report")
		if r := as("lz").do("GET", "/invest/report?month=2024-06", nil); r.status != ok || !strings.Contains(string(r.body), `<tr data-code="620123">`) ||
			strings.Contains(string(r.body), `data-code="620800"`) || !strings.Contains(string(r.body), "填表人：lz") {
			t.Errorf("the report page for 兰州市 (%d): %.3000s", r.status, r.body)
		}
		// Before publication the summary shows nothing; after it, June.
		if r := as("").do("GET", "/invest", nil); strings.Contains(string(r.body), "fig-funds") {
			t.Errorf("the summary shows an unpublished month")
		}
		expect(post("root", "/invest/months/2024-06/publish"), seeOther, "publish")
		if r := as("").do("GET", "/invest", nil); !strings.Contains(string(r.body), `id="fig-funds">2.50<`) {
			t.Errorf("the published month is not in the summary: %.3000s", r.body)
		}
		// The deadline passes (moved into the past): the month locks; a
		// reopening without a reason is refused, with one it opens.
		expect(post("root", "/invest/months", "month", "2024-06", "deadline", "2024-07-10"), seeOther, "move the deadline")
		expect(post("yz", "/invest/review/2024-06", "action", "save", "projects", investReportProjects), conf, "save in a locked month")
		expect(post("root", "/invest/months/2024-06/reopen", "till", "2099-01-01", "reason", ""), bad, "reopen without a reason")
		expect(post("lz", "/invest/months/2024-06/reopen", "till", "2099-01-01", "reason", "系统故障"), forb, "a prefecture reopening")
		expect(post("root", "/invest/months/2024-06/reopen", "till", "2099-01-01", "reason", "系统故障"), seeOther, "reopen")
		// The passed report stays passed; another county may report now.
		expect(post("yz", "/invest/review/2024-06", "action", "save"), conf, "change a passed report")
		// Verification: the province reduces June's 2.5 by 0.5 (a county
		// may not); the project page shows 2.00 counted.
		expect(post("yz", "/invest/projects/2024-620123-44-03-000009/verifications", "month", "2024-06", "reduction", "0.5", "reason", "x"), forb, "a county verifying")
		expect(post("root", "/invest/projects/2024-620123-44-03-000009/verifications", "month", "2024-06", "reduction", "3", "reason", "虚报"), bad, "more than counted")
		expect(post("root", "/invest/projects/2024-620123-44-03-000009/verifications", "month", "2024-06", "reduction", "0.5", "reason", "抽查无进账单"), seeOther, "verify")
		if r := as("").do("GET", "/invest", nil); !strings.Contains(string(r.body), `id="fig-funds">2.00<`) {
			t.Errorf("the summary after the reduction: %.3000s", r.body)
		}
		if r := as("root").do("GET", "/invest/projects/2024-620123-44-03-000009", nil); !strings.Contains(string(r.body), `id="invest-counted">2.00`) {
			t.Errorf("the project after the reduction: %.3000s", r.body)
		}
		// First contacts.
		expect(post("yz", "/invest/contacts", "investor", "示例集团", "investor_code", "91310000MA1FL0001R", "day", "2024-06-01"), seeOther, "contact")
		if r := as("yz").do("GET", "/invest/review", nil); !strings.Contains(string(r.body), `id="register"`) || !strings.Contains(string(r.body), "示例集团") {
			t.Errorf("the county's register: %.3000s", r.body)
		}
		r := post("v", "/invest/contacts", "investor", "示例集团", "investor_code", "X", "day", "2024-06-01")
		expect(r, forb, "a viewer registering a contact")
	})
}

// workbookText is the text of a downloaded workbook's shared strings and
// first sheet, for checks of what it says.
func workbookText(t *testing.T, r response) string {
	t.Helper()
	if r.status != ok {
		t.Fatalf("download: status %d: %.300s", r.status, r.body)
	}
	zr, err := zip.NewReader(bytes.NewReader(r.body), int64(len(r.body)))
	if err != nil {
		t.Fatal(err)
	}
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
