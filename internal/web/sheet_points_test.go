package web_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// TestSheetPointsAndInvented: the score sheet of 凉州区 (page and
// workbook) carries the gap in points; the sheet of 620881, which has the
// demo's invented 较大安全生产事故 of 2022, labels the event 虚构 in the
// page and in the workbook's events sheet, as the profile does.
func TestSheetPointsAndInvented(t *testing.T) {
	d := newDemoSite(t)
	r := d.as(t, "liangzhou").do("GET", "/counties/620602/sheet", nil)
	if r.status != http.StatusOK {
		t.Fatalf("sheet: %d", r.status)
	}
	if body := string(r.body); !strings.Contains(body, `class="pts-line"`) || !strings.Contains(body, `class="worth"`) {
		t.Error("the sheet page has no points gap or input worth")
	}
	r = d.as(t, "ana").do("GET", "/counties/620881/sheet", nil)
	if r.status != http.StatusOK {
		t.Fatalf("sheet of 620881: %d", r.status)
	}
	body := string(r.body)
	if !strings.Contains(body, "较大安全生产事故") || !strings.Contains(body, "虚构事件：示例数据，并非真实发生") {
		t.Error("the sheet page does not label the invented event")
	}
	r = d.as(t, "ana").do("GET", "/counties/620881/sheet.xlsx", nil)
	if r.status != http.StatusOK {
		t.Fatalf("sheet.xlsx of 620881: %d", r.status)
	}
	tab, err := xlsx.ReadTableFrom(bytes.NewReader(r.body), "sheet.xlsx", "扣分与否决")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range tab.Rows {
		line := strings.Join(row, "|")
		if strings.Contains(line, "较大安全生产事故") {
			found = strings.Contains(line, "虚构事件")
		}
	}
	if !found {
		t.Errorf("the workbook's events sheet does not label the invented event: %v", tab.Rows)
	}
}
