package web_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/ingest"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// cellName is the A1 name of a 0-based row and column.
func cellName(row, col int) string {
	name := ""
	for col++; col > 0; col = (col - 1) / 26 {
		name = string(rune('A'+(col-1)%26)) + name
	}
	return fmt.Sprintf("%s%d", name, row+1)
}

// filledTemplate downloads the template of period as user and fills the
// first two counties' figures, with text in the cells of bad.
func filledTemplate(t *testing.T, d *demoSite, user, period string, bad map[[2]int]string) []byte {
	t.Helper()
	r := d.as(t, user).do("GET", "/data/template.xlsx?period="+period, nil)
	if r.status != http.StatusOK || !strings.Contains(r.header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("GET /data/template.xlsx: %d %s", r.status, r.body)
	}
	tb, err := xlsx.ReadTableFrom(bytes.NewReader(r.body), "template.xlsx", ingest.TemplateSheet)
	must(t, err)
	rows := [][]any{}
	header := make([]any, len(tb.Header))
	for j, h := range tb.Header {
		header[j] = h
	}
	rows = append(rows, header)
	// ref finds the reference column (last year's value) of indicator
	// column h: its header ends with the indicator's code.
	ref := func(h string) int {
		code := h[strings.LastIndex(h, "（")+len("（"):]
		code = strings.TrimSuffix(code, "）")
		for j, r := range tb.Header {
			if strings.HasPrefix(r, ingest.ReferencePrefix) && strings.HasSuffix(r, " "+code) {
				return j
			}
		}
		return -1
	}
	for i := range 2 {
		row := make([]any, len(tb.Header))
		for j, h := range tb.Header {
			switch {
			case j < len(tb.Rows[i]) && (h == "代码" || h == "名称" || h == "期间" || h == "市州" || h == "类型" || h == "类型2"):
				row[j] = tb.Rows[i][j]
			case strings.HasPrefix(h, ingest.ReferencePrefix) || !strings.Contains(h, "（"):
			default:
				// Last year's figure plus 5 %, so that the check rules
				// (change over 30 % is flagged) let it through.
				row[j] = 10.5 + float64(i+j)
				if k := ref(h); k >= 0 {
					if v, err := strconv.ParseFloat(tb.Rows[i][k], 64); err == nil {
						row[j] = v * 1.05
					}
				}
			}
			if v, ok := bad[[2]int{i + 1, j}]; ok {
				row[j] = v
			}
		}
		rows = append(rows, row)
	}
	var b bytes.Buffer
	must(t, xlsx.Write(&b, []xlsx.Sheet{{Name: ingest.TemplateSheet, Rows: rows}}))
	return b.Bytes()
}

// uploadWorkbook builds the import form's multipart body.
func uploadWorkbook(t *testing.T, name string, content []byte, fields map[string]string) *multipartBody {
	t.Helper()
	m := &multipartBody{}
	w := multipart.NewWriter(&m.buf)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	f, err := w.CreateFormFile("file", name)
	must(t, err)
	f.Write(content)
	w.Close()
	m.ctype = w.FormDataContentType()
	return m
}

// TestDataImport: a workbook with two bad cells imports nothing and the
// page names both cells; the fixed workbook imports as one revision, which
// the history and the supply table then show.
func TestDataImport(t *testing.T) {
	d := newDemoSite(t)
	r := d.as(t, "tjj").do("GET", "/data", nil)
	if r.status != http.StatusOK || !strings.Contains(string(r.body), `action="/data/import"`) {
		t.Fatalf("GET /data as a department: %d", r.status)
	}
	// The first indicator column of the template is column 5 or so: find
	// two indicator cells by header.
	tpl := filledTemplate(t, d, "tjj", "2023", nil)
	tb, err := xlsx.ReadTableFrom(bytes.NewReader(tpl), "x.xlsx", "")
	must(t, err)
	var cols []int
	for j, h := range tb.Header {
		if strings.Contains(h, "（") && !strings.HasPrefix(h, ingest.ReferencePrefix) {
			cols = append(cols, j)
		}
	}
	if len(cols) < 2 {
		t.Fatalf("the template has indicator columns %v", cols)
	}
	bad := map[[2]int]string{{1, cols[0]}: "一百", {2, cols[1]}: "12..5"}
	r = d.as(t, "tjj").do("POST", "/data/import", uploadWorkbook(t, "报送.xlsx", filledTemplate(t, d, "tjj", "2023", bad),
		map[string]string{"period": "2023", "note": "第一次"}))
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("importing two bad cells: %d %s", r.status, r.body)
	}
	body := string(r.body)
	for _, cell := range []string{cellName(1, cols[0]), cellName(2, cols[1])} {
		if !strings.Contains(body, ingest.TemplateSheet+"!"+cell) {
			t.Errorf("the page does not name cell %s", cell)
		}
	}
	if n := strings.Count(body, `<tr class="cell-error">`); n != 2 {
		t.Errorf("the page lists %d errors, want 2", n)
	}
	if !strings.Contains(body, "没有导入任何数据") {
		t.Error("the page does not say in Chinese that nothing was imported")
	}
	revs, err := d.db.Revisions(ctx)
	must(t, err)
	r = d.as(t, "tjj").do("POST", "/data/import", uploadWorkbook(t, "报送.xlsx", filledTemplate(t, d, "tjj", "2023", nil),
		map[string]string{"period": "2023"}))
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/data?imported=") {
		t.Fatalf("importing the fixed workbook: %d %q %s", r.status, r.header.Get("Location"), r.body)
	}
	after, err := d.db.Revisions(ctx)
	must(t, err)
	if len(after) != len(revs)+1 {
		t.Errorf("%d revisions after the import, want %d", len(after), len(revs)+1)
	}
	r = d.as(t, "tjj").do("GET", r.header.Get("Location"), nil)
	if !strings.Contains(string(r.body), `id="imported"`) || !strings.Contains(string(r.body), "统计局") ||
		!strings.Contains(string(r.body), `<td class="n">2</td>`) {
		t.Errorf("after the import the page lacks the confirmation or the supply of 2 units")
	}
	// Those who may not import get no template; the public no page.
	if r := d.as(t, "liangzhou").do("GET", "/data/template.xlsx?period=2023", nil); r.status != http.StatusForbidden {
		t.Errorf("a county user downloading the template: %d, want 403", r.status)
	}
	if r := d.as(t, "").do("GET", "/data", nil); r.status != http.StatusSeeOther {
		t.Errorf("GET /data anonymously: %d, want a redirect to the login", r.status)
	}
	if r := d.as(t, "liangzhou").do("GET", "/data", nil); r.status != http.StatusOK || strings.Contains(string(r.body), `action="/data/import"`) {
		t.Errorf("GET /data as a county user: %d, or an import form", r.status)
	}
}
