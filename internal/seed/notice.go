package seed

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/qiangxian/qiangxian/internal/notice"
	"github.com/qiangxian/qiangxian/internal/store"
)

// DemoIssuer is the issuing body of the demo's notices: plainly an
// example, never a plausible real office.
const DemoIssuer = "××省县域经济发展综合评价工作领导小组办公室（示例）"

// putNoticeSettings gives the demo method its notice settings — the
// example issuing body, basis, 总体情况 phrases, 附注 and 版记, the 示例
// watermark — and registers each published run's notice under an example
// 文号 (示例〔year+1〕1号), signed on 8 June of the year after the period.
func putNoticeSettings(ctx context.Context, db *store.DB, actor store.Actor, methodID int64, runs []store.Run) error {
	s := notice.Settings{
		Issuer:     DemoIssuer,
		Addressees: "各市（州）人民政府，省直有关部门：",
		Approval:   "经领导小组同意",
		Basis:      "《××省县域经济发展综合评价考核办法（示例）》（示例〔2021〕41号）",
		Demands: "各县（市、区）要对照评价结果，查找差距和不足，巩固优势、补齐短板；各市（州）要加强统筹指导，" +
			"推动县域经济高质量发展。（本段为示例文字）",
		Note:      "（此件公开发布）",
		CC:        "示例抄送机关",
		Printer:   DemoIssuer,
		Watermark: "示例",
		Summary: []notice.Phrase{
			{Indicator: "gdp", Stat: notice.StatSum, Decimals: 1, Text: "参评县（市、区）地区生产总值合计%s亿元"},
			{Indicator: "gdp", Stat: notice.StatCountAbove, Above: 100, Text: "超过100亿元的%s个"},
			{Indicator: "fiscal_rev", Stat: notice.StatSum, Decimals: 1, Text: "一般公共预算收入合计%s亿元"},
			{Indicator: "retail", Stat: notice.StatSum, Decimals: 1, Text: "社会消费品零售总额合计%s亿元"},
		},
		WindowDays: 5,
		Phone:      "0000-00000000（示例）",
		Address:    "××省××市××路1号（示例）",
	}
	js, err := json.Marshal(s)
	if err != nil {
		return err
	}
	if err := db.PutNoticeSettings(ctx, actor, store.NoticeScopeMethod, methodID, js); err != nil {
		return fmt.Errorf("seed: notice settings: %w", err)
	}
	for _, r := range runs {
		year, err := strconv.Atoi(r.Period)
		if err != nil {
			continue
		}
		doc := fmt.Sprintf("示例〔%d〕1号", year+1)
		if err := db.RegisterNotice(ctx, actor, r.ID, doc, time.Date(year+1, 6, 8, 0, 0, 0, 0, time.UTC)); err != nil {
			return fmt.Errorf("seed: notice of run %d: %w", r.ID, err)
		}
	}
	return nil
}
