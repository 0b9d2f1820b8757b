"""Alliances family: COOPERATES_WITH and SUPPORTS, with negated and hedged twins."""

from __future__ import annotations

from training.lexicon.clause import C, numbered

_FIELDS = "{alt:الأمن|الطاقة|التدريب العسكري|مكافحة الهجرة غير النظامية|الصحة|التعليم العالي|النقل البحري|مكافحة الإرهاب}"
_JOINT = "{alt:تشكيل قوة مشتركة|تنسيق الجهود|تبادل المعلومات الأمنية|إنشاء غرفة عمليات مشتركة|تسيير دوريات مشتركة|توحيد المواقف}"

COOP = numbered("coop", [
    C("{v:وقع|وقعت:A} {A} و{B} {alt:اتفاقية|مذكرة تفاهم|اتفاقا|بروتوكول تعاون} {alt:للتعاون في مجال|بشأن} " + _FIELDS, "A=coll B=coll", "A-B:COOPERATES_WITH"),
    C("{v:اتفق|اتفقت:A} {A} مع {B} على " + _JOINT, "A=party B=party", "A-B:COOPERATES_WITH"),
    C("{v:أعلن|أعلنت:A} {A} و{B} {alt:تشكيل قوة مشتركة|إطلاق غرفة عمليات مشتركة|تأسيس تحالف جديد}", "A=coll B=coll", "A-B:COOPERATES_WITH"),
    C("{A} و{B}.. {alt:شراكة استراتيجية تتعزز|تعاون أمني يتوسع|تنسيق متواصل}", "A=coll B=coll", "A-B:COOPERATES_WITH", form="head"),
    C("تم الاتفاق بين {A} و{B} على {alt:تعزيز التنسيق الأمني|تبادل الخبرات|توحيد الجهود لمواجهة التهريب}", "A=party B=party", "A-B:COOPERATES_WITH", form="pass"),
    C("{A} {v:ينسق|تنسق:A} مع {B} {alt:لتأمين الحدود|لمكافحة التهريب|لضبط الأمن في} {opt:المنطقة}", "A=coll B=coll", "A-B:COOPERATES_WITH", form="head"),
    C("في إطار التنسيق القائم بين {A} و{B}، {alt:وصلت|انطلقت} {alt:شحنة من المساعدات|دفعة من المعدات|قافلة طبية} إلى {P}", "A=coll B=coll P=place", "A-B:COOPERATES_WITH", form="masdar"),
    C("{v:انضم|انضمت:A} {A} إلى تحالف {v:يقوده|تقوده:B} {B}", "A=coll B=coll", "A-B:COOPERATES_WITH"),
    C("{v:مد|مدت:A} {A} جسور التواصل {alt:الأمني|السياسي} مع {B}", "A=actor B=actor", "A-B:COOPERATES_WITH"),
    C("{alt:يعكس|يؤكد} {alt:التقارب|التنسيق المشترك} بين {A} و{B} {alt:تحولا في المشهد|متانة العلاقات}", "A=actor B=actor", "A-B:COOPERATES_WITH", form="vf"),
    C("{v:أجرت|أجرت:A} قوات {A} و{B} مناورات عسكرية مشتركة {alt:قبالة|قرب|في} {P}", "A=coll B=coll P=place", "A-B:COOPERATES_WITH"),
    C("{v:عزز|عززت:A} {A} تعاونه مع {B} في مجال " + _FIELDS, "A=coll B=coll", "A-B:COOPERATES_WITH"),
    C("{v:تعهد|تعهدت:A} {A} و{B} بالعمل معا {alt:من أجل|على} {topic}", "A=party B=party", "A-B:COOPERATES_WITH"),
    C("{A} {v:الذي|التي:A} {v:يرتبط|ترتبط:A} {alt:باتفاقية دفاع مشترك|بشراكة أمنية} مع {B}، {v:أعلن|أعلنت:A} {alt:رفع مستوى التأهب|إرسال تعزيزات}", "A=coll B=coll", "A-B:COOPERATES_WITH", form="sf", tags="relative"),
    C("{alt:اتفقت|تفاهمت} {A} و{B} على {alt:خارطة طريق|آلية مشتركة} {alt:لإعادة|لدعم} {topic}", "A=coll B=coll", "A-B:COOPERATES_WITH"),
    C("{v:شكل|شكلت:A} {A} و{B} لجنة مشتركة {alt:لمتابعة|لتنفيذ} {topic}", "A=party B=party", "A-B:COOPERATES_WITH"),
    C("{alt:وقعت|أبرمت} {A} {alt:صفقة|عقدا} مع {B} {alt:لتطوير|لتشغيل} {alt:حقول النفط|ميناء|محطة كهرباء} في {P}", "A=coll B=coll P=place", "A-B:COOPERATES_WITH"),
    C("تحالف بين {A} و{B} {alt:لمواجهة|استعدادا لـ} {alt:الانتخابات|التحديات الأمنية}", "A=party B=party", "A-B:COOPERATES_WITH", form="head"),
    C("{v:يعمل|تعمل:A} {A} {alt:جنبا إلى جنب|بالتنسيق} مع {B} {alt:في ملف|على} {topic}", "A=party B=party", "A-B:COOPERATES_WITH", form="vf"),
    C("{alt:أعلنت|كشفت} مصادر عسكرية أن {A} و{B} {alt:يتبادلان|يتقاسمان} المعلومات {alt:الاستخباراتية|الميدانية}", "A=coll B=coll", "A-B:COOPERATES_WITH", form="vf", tags="reported"),
])

COOP_NEG = numbered("coop-neg", [
    C("{v:نفى|نفت:A} {A} وجود أي تنسيق مع {B}", "A=party B=party", tags="negation"),
    C("ليس هناك أي {alt:تنسيق|تعاون|اتفاق} بين {A} و{B}", "A=party B=party", form="nom", tags="negation"),
    C("{v:انسحب|انسحبت:A} {A} من {alt:الاتفاق|التحالف|الشراكة} مع {B}", "A=coll B=coll", tags="negation"),
    C("{v:دعا|دعت:A} {A} إلى تعزيز التعاون مع {B}", "A=party B=party", tags="wish"),
    C("لم {v:يوقع|توقع:A} {A} أي اتفاق مع {B} {alt:حتى الآن|بعد}", "A=coll B=coll", tags="negation"),
    C("{A} {v:ينفي|تنفي:A} أي تحالف مع {B}", "A=party B=party", form="head", tags="negation"),
    C("{v:تعثرت|تعثرت:A} المفاوضات بين {A} و{B} {alt:حول|بشأن} {topic}", "A=coll B=coll", "A-B:MET_WITH", tags="negation"),
])

SUPPORT = numbered("support", [
    C("{v:أشاد|أشادت:A} {A} ب{alt:دور|جهود|موقف} {B} {alt:في|تجاه} {topic}", "A=actor B=actor", "A>B:SUPPORTS"),
    C("{v:ثمن|ثمنت:A} {A} {alt:جهود|دور|مبادرة} {B}", "A=actor B=actor", "A>B:SUPPORTS"),
    C("{v:هنأ|هنأت:A} {A} {B} {alt:بمناسبة توليه منصبه الجديد|على فوزه في الانتخابات|بنجاح المؤتمر|بحلول عيد الفطر}", "A=per B=per", "A>B:SUPPORTS"),
    C("{v:تلقى|تلقت:B} {B} برقية تهنئة من {A} {alt:بمناسبة|على} {alt:ترقيته|توليه المنصب|العيد الوطني}", "B=per A=actor", "A>B:SUPPORTS"),
    C("{v:أعرب|أعربت:A} {A} عن {v:دعمه|دعمها:A} {l:B} في {topic}", "A=actor B=per", "A>B:SUPPORTS"),
    C("{v:أيد|أيدت:A} {A} {alt:مبادرة|مقترح|خطة|دعوة} {B}", "A=actor B=actor", "A>B:SUPPORTS"),
    C("{v:شكر|شكرت:A} {A} {B} على {alt:حسن الاستقبال|دعمه المتواصل|جهوده في} {opt:إنجاح الحوار}", "A=per B=actor", "A>B:SUPPORTS"),
    C("{v:بارك|باركت:A} {A} {alt:خطوة|قرار|جهود} {B}", "A=actor B=actor", "A>B:SUPPORTS"),
    C("{v:جدد|جددت:A} {A} {v:دعمه|دعمها:A} الكامل {l:B}", "A=actor B=per", "A>B:SUPPORTS"),
    C("{v:حظي|حظيت:B} {B} بدعم {A} {alt:في|خلال} {topic}", "B=actor A=actor", "A>B:SUPPORTS"),
    C("لقيت مبادرة {B} ترحيبا من {A}", "B=actor A=actor", "A>B:SUPPORTS", form="vf"),
    C("{v:رحب|رحبت:A} {A} ب{alt:قرار|إعلان|خطة} {B}", "A=actor B=actor", "A>B:SUPPORTS"),
    C("{A} {v:يدعم|تدعم:A} {B} {alt:في مسعاه|في مواجهة الضغوط}", "A=actor B=actor", "A>B:SUPPORTS", form="head"),
    C("{v:قدم|قدمت:A} {A} {v:تهانيه|تهانيها:A} إلى {B}", "A=per B=per", "A>B:SUPPORTS"),
    C("{v:أثنى|أثنت:A} {A} على {alt:أداء|دور|التزام} {B}", "A=actor B=actor", "A>B:SUPPORTS"),
    C("{alt:إشادة|ثناء} من {A} {alt:بجهود|على دور} {B}", "A=actor B=actor", "A>B:SUPPORTS", form="head"),
    C("{B} {v:يتلقى|تتلقى:B} دعما {alt:سياسيا|عسكريا|ماليا} من {A}", "B=actor A=coll", "A>B:SUPPORTS", form="head"),
    C("{v:أكد|أكدت:A} {A} {v:تأييده|تأييدها:A} {alt:للخطوات التي اتخذها|لقرار} {B}", "A=actor B=actor", "A>B:SUPPORTS"),
    C("{v:أعلن|أعلنت:A} {A} {alt:مساندته|وقوفه إلى جانب} {B}", "A=actor B=actor", "A>B:SUPPORTS"),
    C("{v:تلقى|تلقت:B} {B} التعازي من {A} في {alt:وفاة|رحيل} {alt:والده|شقيقه|والدته}", "B=per A=actor", "A>B:SUPPORTS", tags="condolence"),
    C("{v:أعرب|أعربت:A} {A} عن {v:تقديره|تقديرها:A} {alt:للعلاقات التاريخية مع|لمواقف|للدور الذي يقوم به} {B}", "A=actor B=actor", "A>B:SUPPORTS"),
    C("{v:وصف|وصفت:A} {A} {B} بأنه {alt:الشريك الموثوق|حليف استراتيجي|صديق حقيقي}", "A=actor B=actor", "A>B:SUPPORTS"),
    C("{v:عبر|عبرت:A} {alt:ممثلو|أعيان} {A} عن تقديرهم {alt:للخطوة التي تقوم بها|لجهود} {B}", "A=place B=actor", "A>B:SUPPORTS", tags="place_collective"),
    C("{v:وجه|وجهت:A} {A} {alt:التحية|الشكر} {l:B} على {alt:مواقفه|جهوده}", "A=actor B=per", "A>B:SUPPORTS"),
    C("{B}، {v:الذي|التي:B} {v:أشاد|أشادت:A} {A} {v:بدوره|بدورها:B}، {v:أكد|أكدت:B} {quote}", "B=per A=actor", "A>B:SUPPORTS", form="sf", tags="relative"),
    C("{B} {v:يتلقى|تتلقى:B} {alt:اتصال تهنئة|برقية تهنئة|رسالة شكر وتقدير} من {A}", "B=per A=actor", "A>B:SUPPORTS", form="head"),
    C("{v:نال|نالت:B} {B} {alt:إشادة|ثناء|تأييد} {A} {alt:بعد|عقب} {alt:نجاح الاجتماع|إعلان الخطة|توقيع الاتفاق}", "B=actor A=actor", "A>B:SUPPORTS"),
    C("{B}، {v:الذي|التي:B} {v:يحظى|تحظى:B} بدعم {A}، {v:أعلن|أعلنت:B} {alt:ترشحه|خطة جديدة}", "B=per A=coll", "A>B:SUPPORTS", form="sf", tags="relative"),
    C("{alt:لاقت|وجدت} خطة {B} تأييدا {alt:واسعا|صريحا} من {A}", "B=actor A=actor", "A>B:SUPPORTS"),
    C("إلى {B}، {v:وجه|وجهت:A} {A} {alt:رسالة شكر|برقية تهنئة} {alt:على|بمناسبة} {alt:جهوده|نجاح المؤتمر}", "B=per A=actor", "A>B:SUPPORTS", form="masdar"),
    C("{v:استقبل|استقبلت:B} {B} {alt:التهاني|برقيات التأييد} من {A} {alt:بعد|إثر} {alt:فوزه|توليه المنصب}", "B=per A=actor", "A>B:SUPPORTS"),
])

SUPPORT_NEG = numbered("support-neg", [
    C("{v:نفى|نفت:A} {A} تقديم أي دعم {l:B}", "A=actor B=per", tags="negation"),
    C("لم {v:يعلن|تعلن:A} {A} {v:دعمه|دعمها:A} {l:B} {alt:حتى الآن|رغم الضغوط}", "A=actor B=per", tags="negation"),
    C("{v:تراجع|تراجعت:A} {A} عن دعم {B}", "A=actor B=actor", tags="negation"),
    C("{v:امتنع|امتنعت:A} {A} عن تهنئة {B}", "A=actor B=per", tags="negation"),
    C("{A} {v:ينفي|تنفي:A} {alt:دعم|تمويل} {B}", "A=actor B=actor", form="head", tags="negation"),
    C("لا صحة لما {alt:تردد|نشر} عن دعم {A} {l:B}", "A=actor B=per", form="nom", tags="negation"),
])

SUPPORT_HEDGED = numbered("support-hedged", [
    C("{alt:بحسب تقارير|وفق مصادر غير رسمية}، {v:قدم|قدمت:A} {A} دعما {alt:عسكريا|لوجستيا} {l:B}", "A=coll B=per", "A>B:SUPPORTS", hedged=True, tags="hedge_word"),
    C("أنباء عن دعم {A} {alt:لقوات|لتحركات} {B}", "A=coll B=actor", "A>B:SUPPORTS", form="head", hedged=True, tags="hedge_word"),
    C("يُعتقد أن {A} {v:يدعم|تدعم:A} {B} {alt:سرا|من وراء الستار}", "A=coll B=actor", "A>B:SUPPORTS", form="vf", hedged=True, tags="hedge_word"),
    C("{alt:تتهم|تقول} {alt:أوساط سياسية|تقارير} {A} بتقديم دعم مزعوم {l:B}", "A=coll B=per", "A>B:SUPPORTS", form="vf", hedged=True, tags="hedge_word reported"),
])
