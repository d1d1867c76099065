// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic Taobao-style Chinese product titles ("品牌 + 产品 + 卖点 + 规格 + 颜色"), for throughput runs and
 * semantic checks. Each title also reports its category, so tests can ask whether neighbours share one.
 */
public final class ChineseTitles {
    /** One generated title and the category it was drawn from. */
    public record Title(String text, String category) {
    }

    private record Category(String name, String[] brands, String[] products, String[] features, String[] specs,
            String[] colours) {
    }

    private static final String[] COLOURS = {"黑色", "白色", "灰色", "蓝色", "粉色", "红色", "绿色", "米色", "卡其色"};

    private static final List<Category> CATEGORIES = List.of(
            new Category("手机壳", new String[] {"苹果", "华为", "小米", "倍思", "亿色", "Spigen"},
                    new String[] {"手机壳", "手机保护套", "磁吸手机壳", "硅胶手机壳", "防摔壳"},
                    new String[] {"防摔", "透明", "超薄", "磨砂", "全包", "防黄变", "液态硅胶"},
                    new String[] {"适用iPhone 15", "适用iPhone 14 Pro", "适用华为Mate 60", "适用小米14"}, COLOURS),
            new Category("耳机", new String[] {"索尼", "华为", "漫步者", "小米", "Apple", "JBL"},
                    new String[] {"蓝牙耳机", "无线耳机", "降噪耳机", "头戴式耳机", "运动耳机"},
                    new String[] {"主动降噪", "超长续航", "低延迟", "入耳式", "防水防汗", "高音质"},
                    new String[] {"蓝牙5.3", "续航40小时", "Type-C快充"}, COLOURS),
            new Category("纸尿裤", new String[] {"帮宝适", "花王", "好奇", "尤妮佳", "巴拉巴拉"},
                    new String[] {"纸尿裤", "拉拉裤", "婴儿尿不湿", "成长裤"},
                    new String[] {"超薄透气", "干爽", "新生儿", "夜用", "柔软亲肤"},
                    new String[] {"S码 84片", "M码 64片", "L码 52片", "XL码 44片", "大号"}, new String[] {""}),
            new Category("保温杯", new String[] {"膳魔师", "象印", "虎牌", "富光", "哈尔斯"},
                    new String[] {"保温杯", "不锈钢水杯", "焖烧杯", "儿童水杯", "车载保温壶"},
                    new String[] {"316不锈钢", "大容量", "便携", "男女通用", "长效保温", "带吸管"},
                    new String[] {"350ml", "500ml", "750ml", "1L"}, COLOURS),
            new Category("运动鞋", new String[] {"耐克", "阿迪达斯", "李宁", "安踏", "特步", "New Balance"},
                    new String[] {"跑步鞋", "运动鞋", "篮球鞋", "休闲鞋", "板鞋"},
                    new String[] {"男款", "女款", "透气", "减震", "轻便", "防滑耐磨", "网面"},
                    new String[] {"39码", "40码", "41码", "42码", "43码"}, COLOURS),
            new Category("面霜", new String[] {"兰蔻", "雅诗兰黛", "欧莱雅", "自然堂", "珀莱雅", "薇诺娜"},
                    new String[] {"面霜", "保湿霜", "精华液", "洗面奶", "补水面膜"},
                    new String[] {"补水保湿", "修护", "敏感肌", "抗皱紧致", "美白淡斑", "控油"},
                    new String[] {"50ml", "30ml", "100g", "10片装"}, new String[] {""}),
            new Category("充电器", new String[] {"安克", "倍思", "绿联", "小米", "公牛"},
                    new String[] {"充电器", "氮化镓充电器", "充电宝", "数据线", "无线充电器"},
                    new String[] {"快充", "双口", "折叠插脚", "小巧便携", "兼容苹果安卓"},
                    new String[] {"20W", "33W", "65W", "100W", "10000毫安"}, new String[] {"白色", "黑色"}),
            new Category("零食", new String[] {"三只松鼠", "良品铺子", "百草味", "旺旺", "乐事"},
                    new String[] {"坚果礼盒", "薯片", "牛肉干", "饼干", "每日坚果"},
                    new String[] {"休闲零食", "办公室小吃", "独立包装", "年货", "香辣味", "原味"},
                    new String[] {"500g", "1kg", "30包", "量贩装"}, new String[] {""}),
            new Category("连衣裙", new String[] {"优衣库", "ZARA", "韩都衣舍", "太平鸟", "伊芙丽"},
                    new String[] {"连衣裙", "半身裙", "碎花裙", "针织裙", "衬衫裙"},
                    new String[] {"夏季", "法式", "收腰", "显瘦", "雪纺", "气质", "中长款"},
                    new String[] {"S码", "M码", "L码", "XL码"}, COLOURS),
            new Category("厨具", new String[] {"苏泊尔", "爱仕达", "双立人", "九阳", "美的"},
                    new String[] {"炒锅", "不粘锅", "电饭煲", "菜刀套装", "空气炸锅"},
                    new String[] {"家用", "不粘", "燃气电磁炉通用", "大容量", "少油烟", "智能预约"},
                    new String[] {"30cm", "32cm", "4L", "5L", "三件套"}, new String[] {"", "黑色", "红色"}),
            new Category("宠物", new String[] {"皇家", "渴望", "麦富迪", "比瑞吉", "网易严选"},
                    new String[] {"猫粮", "狗粮", "猫砂", "宠物零食", "冻干"},
                    new String[] {"成猫", "幼犬", "全价", "无谷", "除臭", "高蛋白"},
                    new String[] {"2kg", "10kg", "1.5kg", "6L"}, new String[] {""}),
            new Category("学习桌", new String[] {"护童", "心家宜", "生活诚品", "宜家", "林氏木业"},
                    new String[] {"儿童学习桌", "书桌", "升降桌", "学习椅", "写字桌椅套装"},
                    new String[] {"可升降", "实木", "护眼", "小学生", "家用", "大桌面"},
                    new String[] {"1.0米", "1.2米", "80cm"}, new String[] {"白色", "原木色", "粉色", "蓝色"}));

    private ChineseTitles() {
    }

    /** {@code count} titles drawn with a fixed seed: the same list on every run and machine. */
    public static List<Title> generate(int count, long seed) {
        Random random = new Random(seed);
        List<Title> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Category c = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
            StringBuilder sb = new StringBuilder();
            sb.append(pick(random, c.brands)).append(' ').append(pick(random, c.products));
            String f1 = pick(random, c.features);
            String f2 = pick(random, c.features);
            sb.append(' ').append(f1);
            if (!f2.equals(f1)) {
                sb.append(' ').append(f2);
            }
            sb.append(' ').append(pick(random, c.specs));
            String colour = pick(random, c.colours);
            if (!colour.isEmpty()) {
                sb.append(' ').append(colour);
            }
            out.add(new Title(sb.toString(), c.name));
        }
        return out;
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
