package notice

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/report"
	"github.com/qiangxian/qiangxian/internal/store"
)

// BuildPublicity builds the 公示 notice of the proposed award list (拟表彰
// 名单) of in.Run: the award lists as the notice will give them, the
// window in working days, and where and how to object — a unit with its
// stamp, a person under a real name. The window is the run's 公示 window,
// else Settings.WindowDays working days from in.Today. Working days are
// Monday to Friday: public holidays are not known to the program, so an
// office whose window spans one sets the window's days itself.
func BuildPublicity(in Input) (*Doc, error) {
	n, err := Build(in)
	if err != nil {
		return nil, err
	}
	s := in.Settings
	issuer := cmp.Or(s.Issuer, report.DefaultIssuer)
	subject := cmp.Or(s.Subject, DefaultSubject)
	period := report.PeriodText(in.Run.Period)
	start, end := in.Lifecycle.NoticeStart, in.Lifecycle.NoticeEnd
	if !in.Lifecycle.HasWindow() {
		start = store.Day(in.Today)
		end = AddWorkingDays(start, max(cmp.Or(s.WindowDays, 5), 1))
	}
	days := WorkingDays(start, end)
	d := &Doc{Title: "关于" + period + subject + "拟表彰名单的公示", Signer: issuer, Date: report.DateText(start),
		Watermark: n.Watermark, Subject: period + subject + "拟表彰名单公示"}
	add := func(k Kind, t string) { d.Body = append(d.Body, Para{Kind: k, Text: t}) }
	basis := s.Basis
	if basis == "" {
		basis = "《" + cmp.Or(in.Method.Title, subject+"办法") + "》"
	}
	add(Body, fmt.Sprintf("根据%s，经综合评价，现将%s%s拟表彰名单予以公示。公示期为%s至%s（%d个工作日）。",
		basis, period, subject, report.DateText(start), report.DateText(end), days))
	// The award lists: the notice's 评价结果 section, up to the vetoes.
	in2 := false
	for _, p := range n.Body {
		switch {
		case p.Kind == Heading1 && strings.HasSuffix(p.Text, "评价结果"):
			in2 = true
			continue
		case p.Kind == Heading1:
			in2 = false
		}
		if in2 && !strings.Contains(p.Text, "一票否决") {
			d.Body = append(d.Body, p)
		}
	}
	add(Body, "公示期间，对拟表彰名单有异议的，请以书面形式向"+issuer+"反映。单位反映情况的，须加盖本单位公章；"+
		"个人反映情况的，须署真实姓名并提供联系方式。匿名材料不予受理。")
	var contact []string
	if s.Phone != "" {
		contact = append(contact, "联系电话："+s.Phone)
	}
	if s.Address != "" {
		contact = append(contact, "通信地址："+s.Address)
	}
	if len(contact) > 0 {
		add(Body, strings.Join(contact, "；")+"。")
	}
	return d, nil
}

// WorkingDays counts the days Monday to Friday from start to end, both
// included.
func WorkingDays(start, end time.Time) int {
	n := 0
	for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}

// AddWorkingDays is the last day of a window of n working days (Monday to
// Friday) that starts on start (or on the next working day).
func AddWorkingDays(start time.Time, n int) time.Time {
	d := start
	for left := n; ; d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			left--
			if left == 0 {
				return d
			}
		}
	}
}
