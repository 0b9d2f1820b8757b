"""Clauses where actors share a sentence but the sentence relates few or none.

These are the tempting negatives: commenting on others' meetings, being absent,
lists, parallel statements, a place that only hosts.
"""

from __future__ import annotations

from training.lexicon.clause import C, numbered

NONE = numbered("none", [
    C("{v:أكد|أكدت:A} {A} {quote}، فيما {v:دعا|دعت:B} {B} إلى {alt:ضبط النفس|التهدئة|الحوار}", "A=actor B=actor", tags="parallel"),
    C("{v:علق|علقت:C} {C} على لقاء {A} و{B} {alt:قائلا|معتبرا} {quote}", "C=actor A=per B=per", "A-B:MET_WITH", tags="comment"),
    C("{v:وصف|وصفت:C} {C} لقاء {A} ب{B} بأنه {alt:إيجابي|خطوة مهمة|مجرد مناورة}", "C=actor A=per B=party", "A-B:MET_WITH", tags="comment"),
    C("تزامنت زيارة {A} إلى {P} مع {alt:تصريحات أدلى بها|بيان أصدره} {B}", "A=per P=dest B=actor", "A>P:VISITED", form="vf"),
    C("{v:أصدر|أصدرت:A} {A} بيانا بشأن {topic}، في وقت {alt:أعلن فيه|كشف فيه} {B} عن {alt:خطة جديدة|مبادرة سياسية}", "A=actor B=actor", tags="parallel"),
    C("{v:قال|قالت:A} {A} إن {B} {v:يمر|تمر:B} بمرحلة {alt:صعبة|دقيقة|حاسمة}", "A=actor B=actor", tags="reported"),
    C("{v:دعا|دعت:A} {A} {B} إلى {alt:الحوار|ضبط النفس|الالتزام بالهدنة|احترام الاتفاقات}", "A=actor B=actor", tags="appeal"),
    C("{v:التقى|التقت:A} {A} ب{B}، بينما {v:غاب|غابت:C} {C} عن الاجتماع", "A=per B=per C=per", "A-B:MET_WITH", tags="absent"),
    C("{v:أعرب|أعربت:A} {A} عن قلقه من تدهور الأوضاع في {P}", "A=actor P=place", tags="single"),
    C("{v:تحدث|تحدثت:A} {A} عن {alt:مستقبل العلاقات مع|الأوضاع في} {B} {alt:في مقابلة صحفية|خلال مؤتمر صحفي}", "A=actor B=coll", tags="single"),
    C("{v:يستعد|تستعد:A} {A} {alt:لإطلاق|للإعلان عن} {alt:خطة جديدة|مبادرة}، {alt:بينما|في حين} {v:يواصل|تواصل:B} {B} {alt:مشاوراته الداخلية|تحضيراته}", "A=actor B=actor", tags="parallel"),
    C("{alt:من بين|من أبرز} {alt:المرشحين|الأسماء المطروحة} {alt:لرئاسة الحكومة|للمنصب} {A} و{B} و{C}", "A=pern B=pern C=pern", form="nom", tags="list"),
    C("{v:أشار|أشارت:C} {C} إلى أن {A} و{B} {alt:وقعا|أبرما} {alt:اتفاقا|مذكرة تفاهم} {alt:في وقت سابق|العام الماضي}", "C=actor A=coll B=coll", "A-B:COOPERATES_WITH", tags="comment reported"),
    C("{A} و{B} و{C} {alt:في دائرة الضوء|تحت المجهر|أمام اختبار صعب}", "A=actor B=actor C=actor", form="head", tags="list"),
    C("{v:نشر|نشرت:A} {A} صورا {alt:من|توثق} {alt:الدمار|الاحتفالات} في {P}", "A=actor P=place", tags="single"),
    C("{v:غادر|غادرت:A} {A} {P} {alt:بعد انتهاء|عقب اختتام} {event}", "A=per P=place", tags="single"),
    C("{v:تابع|تابعت:A} {A} {alt:عن كثب|باهتمام} {alt:المحادثات الجارية|التطورات} في {P}", "A=actor P=place", tags="single"),
    C("{v:أعلن|أعلنت:A} {A} {alt:موقفه|رأيه} من {topic}، {alt:ولم|دون أن} {alt:يعلق|يصدر} {B} {alt:أي تعليق|أي موقف}", "A=actor B=actor", tags="parallel negation"),
    C("{alt:ترددت|تداولت وسائل التواصل} أنباء عن {alt:لقاء|زيارة} {alt:مرتقب|محتمل} {alt:لـ|يجمع} {A} و{B}", "A=per B=per", form="vf", tags="future"),
    C("من المقرر أن {v:يلتقي|تلتقي:A} {A} {B} {alt:الأسبوع المقبل|خلال الأيام المقبلة}", "A=per B=per", form="nom", tags="future"),
    C("{v:رحب|رحبت:C} {C} باتفاق {A} و{B} على {topic}", "C=actor A=coll B=coll", "A-B:COOPERATES_WITH C>A:SUPPORTS C>B:SUPPORTS", tags="comment"),
    C("{v:حضر|حضرت:A} {A} و{B} {event} في {P}، {alt:دون أن يلتقيا|ولم يُسجل أي لقاء بينهما}", "A=per B=per P=place", tags="negation absent"),
    C("{alt:يتوقع|يرجح} مراقبون أن {v:يلتقي|تلتقي:A} {A} {B} {alt:قريبا|في الأسابيع المقبلة}", "A=per B=per", tags="future"),
    C("{v:اكتفى|اكتفت:A} {A} {alt:بمتابعة|برصد} {alt:تطورات|تداعيات} {alt:المواجهات|الأزمة} بين {B} و{C}", "A=actor B=fighter C=fighter", "B-C:RIVAL_OF", tags="comment"),
    C("{v:طالب|طالبت:A} {A} {alt:بالكشف عن|بتوضيح} {alt:نتائج|تفاصيل} زيارة {B} إلى {P}", "A=actor B=per P=dest", "B>P:VISITED", tags="comment"),
    C("{alt:قال|أوضح} {A} إن {alt:بلاده|حكومته} {alt:لا تتدخل في|تقف على مسافة واحدة من} الخلاف بين {B} و{C}", "A=per B=actor C=actor", "B-C:RIVAL_OF", form="vf", tags="comment reported"),
    C("{v:أعلن|أعلنت:A} {A} {alt:مقاطعته|رفضه المشاركة في} {alt:الاجتماع|المؤتمر} الذي {v:يعقده|تعقده:B} {B}", "A=actor B=actor", tags="negation"),
    C("{alt:في|خلال} {alt:المؤتمر الصحفي|الإحاطة}، {v:تجنب|تجنبت:A} {A} الرد على {alt:سؤال|أسئلة} حول {alt:علاقته|علاقتها:A} ب{B}", "A=per B=actor", form="masdar", tags="single"),
    C("{A} و{B}: {alt:مواقف متقاربة دون تنسيق معلن|تصريحات متزامنة}", "A=coll B=coll", form="head", tags="parallel"),
    C("{v:دعا|دعت:A} {A} {alt:إلى حوار يجمع|إلى جمع} {B} و{C} {alt:على طاولة واحدة|في أقرب وقت}", "A=actor B=per C=per", tags="wish"),
    C("{v:نقل|نقلت:A} {A} {alt:رسالة|تحيات} {B} إلى {C}", "A=per B=per C=per", "A-C:MET_WITH", tags="messenger"),
    C("{alt:يعد|يُعد} {A} {alt:من أبرز|أحد أبرز} {alt:الشخصيات|الوجوه} {alt:في|على الساحة في} {P}", "A=per P=place", form="vf", tags="single"),
    C("{v:التقى|التقت:A} {A} {alt:وزراء|مسؤولين من} {B} و{C} {alt:كل على حدة|في لقاءين منفصلين}", "A=per B=coll C=coll", "A-B:MET_WITH A-C:MET_WITH", tags="separate"),
])
