"""Rivalries family: OPPOSES (one-sided) and RIVAL_OF (mutual), with negated twins.

Decisions: an attack or a rejection is OPPOSES from the attacker; clashes,
fighting or a dispute "between" two sides is RIVAL_OF.
"""

from __future__ import annotations

from training.lexicon.clause import C, numbered

OPPOSE = numbered("oppose", [
    C("{v:انتقد|انتقدت:A} {A} {alt:تصريحات|قرار|سياسات|أداء} {B}", "A=actor B=actor", "A>B:OPPOSES"),
    C("{v:رفض|رفضت:A} {A} {alt:قرار|دعوة|تدخل|مبادرة} {B}", "A=actor B=actor", "A>B:OPPOSES"),
    C("{v:ندد|نددت:A} {A} ب{alt:هجوم|انتهاكات|تصريحات|ممارسات} {B}", "A=actor B=actor", "A>B:OPPOSES"),
    C("{v:استنكر|استنكرت:A} {A} {alt:تصرفات|موقف|إجراءات} {B}", "A=actor B=actor", "A>B:OPPOSES"),
    C("{v:اتهم|اتهمت:A} {A} {B} ب{alt:عرقلة العملية السياسية|دعم الإرهاب|تهريب الأسلحة|خرق الهدنة|نهب المال العام}", "A=actor B=actor", "A>B:OPPOSES"),
    C("{v:حمل|حملت:A} {A} {B} مسؤولية {alt:تدهور الأوضاع|الاشتباكات الأخيرة|فشل المفاوضات|انهيار الخدمات}", "A=actor B=actor", "A>B:OPPOSES"),
    C("{v:هدد|هددت:A} {A} ب{alt:الرد على|التصعيد ضد|استهداف مواقع} {B}", "A=fighter B=fighter", "A>B:OPPOSES"),
    C("{v:شن|شنت:A} {A} هجوما على مواقع {B} {alt:قرب|جنوب|في محيط} {P}", "A=fighter B=fighter P=place", "A>B:OPPOSES"),
    C("{v:قصف|قصفت:A} {A} {alt:مواقع|تمركزات|مخازن أسلحة} {B} في {P}", "A=fighter B=fighter P=place", "A>B:OPPOSES"),
    C("{v:تعرض|تعرضت:B} {B} لانتقادات حادة من {A}", "B=actor A=actor", "A>B:OPPOSES"),
    C("{v:واجه|واجهت:B} {B} اتهامات من {A} ب{alt:الفساد|التواطؤ|تقويض الاستقرار}", "B=actor A=actor", "A>B:OPPOSES"),
    C("{v:طالب|طالبت:A} {A} بمحاسبة {B}", "A=actor B=actor", "A>B:OPPOSES"),
    C("{v:فرض|فرضت:A} {A} عقوبات على {B}", "A=coll B=actor", "A>B:OPPOSES"),
    C("{v:حذر|حذرت:A} {A} {B} من {alt:مغبة التصعيد|أي خطوة أحادية|المساس بالهدنة}", "A=actor B=actor", "A>B:OPPOSES"),
    C("{v:تصدى|تصدت:A} {A} لهجوم {v:شنه|شنته:B} {B} على {P}", "A=fighter B=fighter P=place", "A>B:OPPOSES"),
    C("{A} {v:يتهم|تتهم:A} {B} ب{alt:تأجيج الصراع|خرق الاتفاق|التدخل في الشؤون الداخلية}", "A=actor B=actor", "A>B:OPPOSES", form="head"),
    C("{v:هاجم|هاجمت:A} {A} {B} {alt:في كلمة متلفزة|في بيان شديد اللهجة|عبر حسابه الرسمي}", "A=actor B=actor", "A>B:OPPOSES"),
    C("{v:طرد|طردت:A} {A} {alt:سفير|القائم بأعمال سفارة|دبلوماسيين من} {B}", "A=state B=state", "A>B:OPPOSES"),
    C("{v:دعا|دعت:A} {A} إلى {alt:طرد|إقالة|محاكمة} {B}", "A=actor B=per", "A>B:OPPOSES"),
    C("{alt:احتجاج|غضب} {alt:في|داخل} {A} على {alt:قرارات|تصريحات} {B}", "A=coll B=actor", "A>B:OPPOSES", form="head"),
    C("{B} {v:الذي|التي:B} {v:انتقده|انتقدته:A} {A} {date}، {v:رد|ردت:B} {quote}", "B=per A=actor", "A>B:OPPOSES", form="sf", tags="relative"),
    C("{v:وجه|وجهت:A} {A} انتقادات {alt:لاذعة|شديدة} {alt:إلى|نحو} {B}", "A=actor B=actor", "A>B:OPPOSES"),
    C("{v:أعرب|أعربت:A} {A} عن {v:رفضه|رفضها:A} {alt:لتعيين|لقرار|لتحركات} {B}", "A=actor B=actor", "A>B:OPPOSES"),
    C("{B} {v:يواجه|تواجه:B} {alt:انتقادات|اتهامات|ضغوطا} من {A}", "B=actor A=actor", "A>B:OPPOSES", form="head"),
    C("{v:تعرضت|تعرضت:B} مواقع {B} لقصف {alt:نفذه|شنه} {A} {alt:قرب|في} {P}", "B=fighter A=fighter P=place", "A>B:OPPOSES"),
    C("{B} في مرمى انتقادات {A}", "B=actor A=actor", "A>B:OPPOSES", form="head"),
    C("{v:أثار|أثارت:B} {alt:قرار|تصريحات|خطوة} {B} غضب {A}", "B=actor A=actor", "A>B:OPPOSES"),
    C("{v:رد|ردت:B} {B} على اتهامات {v:وجهها|وجهتها:A} {l:A} {alt:له|إليه} {date}", "B=actor A=per", "A>B:OPPOSES"),
    C("{B} تحت {alt:عقوبات|ضغوط} {A}", "B=actor A=coll", "A>B:OPPOSES", form="head"),
    C("{alt:طال|استهدف} {alt:هجوم|قصف} {v:شنه|شنته:A} {A} مواقع {B}", "A=fighter B=fighter", "A>B:OPPOSES"),
])

OPPOSE_NEG = numbered("oppose-neg", [
    C("{v:نفى|نفت:A} {A} {alt:اتهام|انتقاد|مهاجمة} {B}", "A=actor B=actor", tags="negation"),
    C("لم {v:يوجه|توجه:A} {A} أي انتقاد {l:B}", "A=actor B=per", tags="negation"),
    C("{v:نفى|نفت:A} {A} أن {v:يكون|تكون:A} قد {alt:هاجم|استهدف} {B}", "A=fighter B=fighter", tags="negation"),
    C("{A} {v:يرفض|ترفض:A} اتهامات {B}", "A=actor B=actor", "A>B:OPPOSES", form="head"),
    C("لا صحة لما تردد عن قصف {A} مواقع {B}", "A=fighter B=fighter", form="nom", tags="negation"),
    C("{v:رفض|رفضت:A} {A} الانجرار إلى {alt:مواجهة|صدام} مع {B}", "A=fighter B=fighter", tags="negation"),
])

RIVAL = numbered("rival", [
    C("{alt:تصاعد|احتدم|تجدد} {alt:التوتر|الخلاف|الصراع|التنافس} بين {A} و{B}", "A=actor B=actor", "A-B:RIVAL_OF"),
    C("{alt:اندلعت|تجددت} اشتباكات {alt:عنيفة|مسلحة|متقطعة} بين {A} و{B} في {P}", "A=fighter B=fighter P=place", "A-B:RIVAL_OF"),
    C("{v:يتنافس|تتنافس:A} {A} و{B} على {alt:النفوذ في|السيطرة على|إدارة} {P}", "A=actor B=actor P=place", "A-B:RIVAL_OF"),
    C("{v:دخل|دخلت:A} {A} في نزاع مع {B} حول {topic}", "A=actor B=actor", "A-B:RIVAL_OF"),
    C("{A} و{B}… تباين في {alt:المواقف|الرؤى} {alt:بشأن|حول} {alt:الاستحقاق الانتخابي|القاعدة الدستورية|ملف الميزانية}", "A=per B=per", "A-B:RIVAL_OF", form="head"),
    C("{alt:برز|ظهر} تباين واضح بين {A} و{B} {alt:حول|بشأن} {topic}", "A=actor B=actor", "A-B:RIVAL_OF"),
    C("{v:عملت|عملت:A} {alt:عملية|قوات} {A} على طرد {B} من {P}", "A=fighter B=fighter P=place", "A>B:OPPOSES"),
    C("الخلاف بين {A} و{B} {alt:يتعمق|يخرج إلى العلن|يتجدد}", "A=actor B=actor", "A-B:RIVAL_OF", form="head"),
    C("{A} و{B}.. صراع على {alt:السلطة|النفوذ|الثروة النفطية|الشرعية}", "A=actor B=actor", "A-B:RIVAL_OF", form="head"),
    C("تشهد العلاقة بين {A} و{B} {alt:توترا متزايدا|فتورا واضحا|أزمة صامتة}", "A=actor B=actor", "A-B:RIVAL_OF", form="vf"),
    C("{v:اشتبكت|اشتبكت:A} {alt:عناصر من|قوات تابعة لـ} {A} مع {B} {alt:قرب|في} {P}", "A=fighter B=fighter P=place", "A-B:RIVAL_OF"),
    C("{v:يخوض|تخوض:A} {A} منذ {alt:أشهر|سنوات} صراعا {alt:مريرا|مفتوحا} مع {B}", "A=actor B=actor", "A-B:RIVAL_OF"),
    C("{alt:تعكس|تكشف} {alt:التصريحات|الاتهامات المتبادلة} حجم {alt:الخلاف|التنافس} بين {A} و{B}", "A=actor B=actor", "A-B:RIVAL_OF", form="vf"),
    C("{alt:اقتتال|مواجهات} بين {A} و{B} في {P}", "A=fighter B=fighter P=place", "A-B:RIVAL_OF", form="head"),
    C("{A}، {v:المنافس|المنافسة:A} {alt:الأبرز|التقليدي|الأشرس} {l:B}، {v:أعلن|أعلنت:A} {alt:ترشحه|رفضه للنتائج}", "A=per B=per", "A-B:RIVAL_OF", form="sf"),
    C("{v:تتصاعد|تتصاعد:A} حدة {alt:التنافس|الخلافات} بين {A} و{B} {alt:منذ|عقب} {alt:تعيين الحكومة الجديدة|الانتخابات الأخيرة}", "A=actor B=actor", "A-B:RIVAL_OF"),
    C("{alt:سقط|قتل} {num} {alt:عنصرا|مقاتلا} في مواجهات بين {A} و{B}", "A=fighter B=fighter", "A-B:RIVAL_OF", tags="number"),
    C("{A} و{B} {alt:يتبادلان الاتهامات|على طرفي نقيض} {alt:بشأن|في} {topic}", "A=actor B=actor", "A-B:RIVAL_OF", form="head"),
])

RIVAL_NEG = numbered("rival-neg", [
    C("{v:نفى|نفت:A} {A} وجود أي خلاف مع {B}", "A=actor B=actor", tags="negation"),
    C("لا صحة لما يتردد عن {alt:صراع|خلاف|تنافس} بين {A} و{B}", "A=actor B=actor", form="nom", tags="negation"),
    C("{v:نفى|نفت:C} {C} وجود تنافس بين {A} و{B}", "A=per B=per C=coll", tags="negation"),
    C("{v:أكد|أكدت:A} {A} أن {v:علاقته|علاقتها:A} ب{B} {alt:لا يشوبها أي توتر|جيدة}", "A=actor B=actor", tags="negation"),
    C("لم {alt:تسجل|تشهد} {P} أي اشتباكات بين {A} و{B}", "A=fighter B=fighter P=place", tags="negation"),
])

RIVAL_HEDGED = numbered("rival-hedged", [
    C("{alt:بحسب تقارير|وفق ما يتردد}، {v:يتنافس|تتنافس:A} {A} و{B} على خلافة {C}", "A=per B=per C=pern", "A-B:RIVAL_OF", hedged=True, tags="hedge_word"),
    C("أنباء عن خلاف {alt:حاد|متصاعد} بين {A} و{B}", "A=actor B=actor", "A-B:RIVAL_OF", form="head", hedged=True, tags="hedge_word"),
    C("يُعتقد أن {A} و{B} {alt:يتنافسان|يتصارعان} على {alt:النفوذ|القيادة}", "A=per B=per", "A-B:RIVAL_OF", form="vf", hedged=True, tags="hedge_word"),
])
