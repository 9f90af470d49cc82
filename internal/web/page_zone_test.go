package web_test

import (
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/notice"
)

// TestZonePages: on the demo, the public sees the zone ranking by group
// with the 优秀 list, a streak of 11 and every management action; the
// profile of the star zone with its grade history; the zone notice and
// its Word, Excel, PDF and OFD files; and the API's list.
func TestZonePages(t *testing.T) {
	d := newDemoSite(t)
	anon := d.as(t, "")
	for _, tc := range []struct {
		path  string
		wants []string
	}{
		{"/zones", []string{"开发区考核评价", "组别：中部", "组别：河西", "组别：陇东南", "兰州经济技术开发区", "嘉峪关工业园区",
			"优秀", "退出预警", "降级预警", "不得扩区", "约谈", "升级推荐", `<circle class="zone`}},
		{"/zones?level=national", []string{"兰州新区", "兰州高新技术产业开发区"}},
		{"/zones/SJ01", []string{"连续 11 年被评为优秀（2014 年起）", "历年等级", "升级推荐", "省外到位资金", "2017 年未开展考核评价"}},
		{"/zones/SJ39", []string{"未参评", "予以豁免（设立未满规定年限）"}},
		{"/zones/SJ02", []string{"嘉峪关工业园区", "嘉东片区（示例）", "嘉北片区（示例）", "新能源片区（示例）"}},
		{"/zones/SJ10", []string{"原代码 SJ10-2021"}},
		{"/zones/GJ01", []string{"国家级经开区综合发展水平考核评价（示例）"}},
		{"/zones/notice", []string{"关于2025年度全省开发区考核评价结果的通报", "考核评价为优秀的开发区", "连续11年被评为优秀（2014—2025年）",
			"退出预警", "降级预警", "不得扩区", "约谈", "升级推荐", "奖补万元 500、扩区优先 1"}},
		{"/zones/notice?year=2022", []string{"关于2022年度全省开发区考核评价结果的通报"}},
	} {
		r := anon.do("GET", tc.path, nil)
		if r.status != http.StatusOK {
			t.Errorf("GET %s: %d", tc.path, r.status)
			continue
		}
		for _, w := range tc.wants {
			if !strings.Contains(string(r.body), w) {
				t.Errorf("GET %s lacks %q", tc.path, w)
			}
		}
	}
	// The level filter keeps national zones only.
	if r := anon.do("GET", "/zones?level=national", nil); strings.Contains(string(r.body), "（示例）</a>") {
		t.Error("/zones?level=national shows a generated provincial zone")
	}
	files := map[string]string{
		"/zones/notice.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		"/zones/notice.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	}
	if notice.FontPath() != "" || os.Getenv("CI") != "" {
		files["/zones/notice.pdf?year=2022"] = "application/pdf"
		files["/zones/notice.ofd?year=2022"] = "application/ofd"
	}
	for path, ctype := range files {
		r := anon.do("GET", path, nil)
		if r.status != http.StatusOK || r.header.Get("Content-Type") != ctype || len(r.body) < 1000 {
			t.Errorf("GET %s: %d %s, %d bytes", path, r.status, r.header.Get("Content-Type"), len(r.body))
		}
	}
	for path, want := range map[string]int{"/zones/NOPE": 404, "/zones?year=1999": 404, "/zones/notice.docx?year=1999": 404,
		"/zones/notice.pdf?year=1999": 404, "/zones/notice.ofd?year=1999": 404} {
		if r := anon.do("GET", path, nil); r.status != want {
			t.Errorf("GET %s: %d, want %d", path, r.status, want)
		}
	}
	var list struct {
		Year  int `json:"year"`
		Zones []struct {
			Code     string `json:"code"`
			Grade    string `json:"grade"`
			Streak   int    `json:"streak"`
			Warnings []struct {
				Action string   `json:"action"`
				Years  []string `json:"years"`
			} `json:"warnings"`
		} `json:"zones"`
	}
	r := anon.do("GET", "/api/v1/zones", nil)
	if r.status != http.StatusOK {
		t.Fatalf("GET /api/v1/zones: %d %s", r.status, r.body)
	}
	r.decode(t, &list)
	if list.Year != 2025 || len(list.Zones) != 47 {
		t.Fatalf("API: year %d, %d zones", list.Year, len(list.Zones))
	}
	for _, z := range list.Zones {
		if z.Code == "SJ01" && (z.Grade != "优秀" || z.Streak != 11) {
			t.Errorf("API SJ01: %+v", z)
		}
		if z.Code == "SJ30" && (len(z.Warnings) == 0 || z.Warnings[0].Action != "退出预警" || strings.Join(z.Warnings[0].Years, ",") != "2024,2025") {
			t.Errorf("API SJ30: %+v", z)
		}
	}
	if r := anon.do("GET", "/api/v1/zones?year=x", nil); r.status != http.StatusBadRequest {
		t.Errorf("year=x: %d", r.status)
	}
}
